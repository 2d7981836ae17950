package io.rectify.portal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.rectify.accounts.Role;
import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.PortalUser;

/**
 * Who may see what, and the protections a reviewer expects: form login against {@code app_user} (BCrypt hashes),
 * CSRF tokens on every form, a new session id at login (session fixation), secure headers (CSP, frame denial,
 * nosniff, no-referrer-outside, HSTS over HTTPS), login throttling, and {@code /admin/**} for administrators only.
 * Every request of a session checks the account again (a user disabled by {@code user disable}, or whose password
 * {@code user passwd} changed, is logged out at once, even though that command runs in another process), and
 * redirects are relative: the {@code Host} header never reaches a {@code Location}.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    static final String CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    LoginThrottle loginThrottle(LoginProperties login, Clock clock) {
        return new LoginThrottle(login.maxFailures(), login.maxFailuresPerAddress(), login.lock(), login.maxDelay(),
                clock);
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, LoginThrottle throttle, PortalAccounts accounts)
            throws Exception {
        RelativeRedirects relative = new RelativeRedirects();
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                throttle.succeeded(authentication.getName(), request.getRemoteAddr());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/documents");
        success.setRedirectStrategy(relative); // the saved request's URL is absolute, made from the Host header
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                AuthenticationException exception)
                    throws IOException, ServletException {
                String username = request.getParameter("username");
                throttle.failed(username, request.getRemoteAddr());
                if (throttle.isBlocked(username, request.getRemoteAddr())) {
                    relative.sendRedirect(request, response, "/login?locked");
                } else {
                    super.onAuthenticationFailure(request, response, exception);
                }
            }
        };
        failure.setRedirectStrategy(relative);
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true);
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/portal/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(success).failureHandler(failure).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(toLogin))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                        .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountCheck(accounts), AuthorizationFilter.class);
        return http.build();
    }

    /** Session cookie: HttpOnly (Tomcat's default) and SameSite=Lax, so other sites cannot post with it. */
    @Bean
    CookieSameSiteSupplier sameSiteLax() { return CookieSameSiteSupplier.ofLax(); }

    /**
     * Refuses a login attempt, before the password is checked, for a name that failed too often from this address
     * (locked here), or that is under attack and was tried too recently (wait).
     */
    static final class ThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) { this.throttle = throttle; }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod())
                    && request.getRequestURI().equals(request.getContextPath() + "/login")) {
                String username = request.getParameter("username");
                if (throttle.isBlocked(username, request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                    return;
                }
                if (!throttle.waitFor(username, request.getRemoteAddr()).isZero()) {
                    response.sendRedirect(request.getContextPath() + "/login?wait");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Ends the session of a user who was disabled, removed, given another role or another password since logging in
     * (sessions opened with the old password end; the next login uses the new one): the request goes
     * on unauthenticated, so a page sends them to the login form and a download is refused.
     */
    static final class AccountCheck extends OncePerRequestFilter {
        private final PortalAccounts accounts;

        AccountCheck(PortalAccounts accounts) { this.accounts = accounts; }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof PortalUser user) {
                boolean current = accounts.find(user.getUsername())
                        .filter(u -> u.isEnabled() && u.id() == user.id() && u.role() == user.role()
                                && u.credentialStamp().equals(user.credentialStamp())).isPresent();
                if (!current) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Redirects as a path only (with the context path), whatever URL the caller built from the request. */
    static final class RelativeRedirects implements RedirectStrategy {
        @Override
        public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
                throws IOException {
            String target;
            int scheme = url.indexOf("://");
            if (url.startsWith("//") || scheme > 0 && url.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                int slash = url.indexOf('/', url.startsWith("//") ? 2 : scheme + 3);
                target = slash < 0 ? "/" : url.substring(slash); // already holds the context path
            } else {
                target = url.startsWith("/") ? request.getContextPath() + url : url;
            }
            // never "//host" or "/\host", which browsers read as another host
            if (target.startsWith("/")) {
                int i = 0;
                while (i < target.length() && (target.charAt(i) == '/' || target.charAt(i) == '\\')) i++;
                target = "/" + target.substring(i);
            }
            response.sendRedirect(response.encodeRedirectURL(target));
        }
    }
}
