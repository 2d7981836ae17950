package io.rectify.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The briefs' mail ({@code rectify.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from            the sender, {@code Name <address>}
 * @param messageIdDomain the domain of the Message-IDs (default: the sender's)
 * @param outboxDir       where mail goes without SMTP (default: {@code outbox} in the output folder)
 */
@ConfigurationProperties("rectify.mail")
@Validated
public record MailProperties(@DefaultValue("巡视整改工作领导小组办公室 <rectify@example.org>") @NotBlank String from,
                             @DefaultValue("") @NotNull String messageIdDomain,
                             @DefaultValue("") @NotNull String outboxDir) {}
