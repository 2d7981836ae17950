package io.rectify.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes: Spring Security's delegating encoder, which writes BCrypt ({@code {bcrypt}$2a$10$…}, cost 10)
 * and can still read the other prefixed formats, so a later change of algorithm needs no migration of old rows.
 * Needed by the login form and by {@code rectify user}, so it exists in every context, web or not.
 */
@Configuration
public class PasswordConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
