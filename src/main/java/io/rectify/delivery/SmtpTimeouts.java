package io.rectify.delivery;

import java.time.Duration;
import java.util.Properties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a delivery waits for the SMTP server ({@code rectify.mail.timeout.connect}, {@code .read},
 * {@code .write}): a server that accepts the connection and then stops answering ends the attempt instead of the
 * run hanging for ever. An explicit {@code spring.mail.properties.mail.smtp.connectiontimeout} (or {@code .timeout},
 * {@code .writetimeout}) wins over these.
 */
@ConfigurationProperties("rectify.mail.timeout")
public record SmtpTimeouts(@DefaultValue("10s") Duration connect, @DefaultValue("30s") Duration read,
                           @DefaultValue("30s") Duration write) {

    private static final Duration MAX = Duration.ofMinutes(10);

    public SmtpTimeouts {
        check("connect", connect);
        check("read", read);
        check("write", write);
    }

    private static void check(String name, Duration d) {
        if (d == null || d.toMillis() < 1 || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("rectify.mail.timeout." + name + " must be between 1ms and 10m, not "
                    + d);
        }
    }

    /** The session properties of {@code protocol} (smtp or smtps) with these timeouts where none is set. */
    Properties applyTo(Properties given, String protocol) {
        Properties p = new Properties();
        p.putAll(given);
        p.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(connect.toMillis()));
        p.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(read.toMillis()));
        p.putIfAbsent("mail." + protocol + ".writetimeout", String.valueOf(write.toMillis()));
        return p;
    }
}
