package io.rectify.portal;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.PortalUser;
import io.rectify.accounts.Role;

/** Makes the {@link Viewer} of a request available to controller methods as a parameter (once per request). */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Viewers implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Viewers.class.getName();

    private final PortalAccounts accounts;

    Viewers(PortalAccounts accounts) { this.accounts = accounts; }

    @Override
    public boolean supportsParameter(MethodParameter parameter) { return parameter.getParameterType() == Viewer.class; }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return current(request);
    }

    Viewer current(RequestAttributes request) {
        Object cached = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof Viewer v) return v;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalUser user)) return null;
        Set<Long> rounds = user.role() == Role.ADMIN ? Set.of() : accounts.roundIds(user.id());
        Viewer viewer = new Viewer(user.id(), user.getUsername(), user.role(), rounds,
                user.role() == Role.UNIT ? accounts.unitOf(user.id()) : null);
        request.setAttribute(ATTRIBUTE, viewer, RequestAttributes.SCOPE_REQUEST);
        return viewer;
    }
}
