package io.rectify.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page, and the page shown when a logged-in user asks for something that is not theirs. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginController {

    private final LoginThrottle throttle;

    LoginController(LoginThrottle throttle) { this.throttle = throttle; }

    @GetMapping("/login")
    String login(Authentication auth, Model model) {
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/documents";
        }
        model.addAttribute("lockMinutes", throttle.window().toMinutes());
        model.addAttribute("waitSeconds", Math.max(1, throttle.maxDelay().toSeconds()));
        return "portal/login";
    }

    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(Model model) {
        PortalErrors.describe(model, HttpStatus.FORBIDDEN, "没有权限", "此页面只对管理员开放。");
        return "portal/error";
    }
}
