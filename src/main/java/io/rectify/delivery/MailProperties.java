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
public record MailProperties(@DefaultValue("巡视整改工作领导小组办公室 <" + MailProperties.EXAMPLE_ADDRESS + ">")
                             @NotBlank String from,
                             @DefaultValue("") @NotNull String messageIdDomain,
                             @DefaultValue("") @NotNull String outboxDir) {

    /** The shipped sender's address: fine for the outbox, never for mail that leaders receive. */
    public static final String EXAMPLE_ADDRESS = "rectify@example.org";

    /** True while the sender is still the shipped example. */
    public boolean exampleSender() {
        return Messages.from(from).getAddress().equalsIgnoreCase(EXAMPLE_ADDRESS);
    }
}
