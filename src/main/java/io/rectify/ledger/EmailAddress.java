package io.rectify.ledger;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * An e-mail address the mail can be sent to: one rule for the import, the page and the sending, so an address the
 * import accepts is never refused at the send. A bare address (no name, no angle brackets), RFC 822 strict, with a
 * top-level domain (or localhost), at most 255 characters.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 255;

    public EmailAddress {
        String why = problem(value);
        if (why != null) throw new IllegalArgumentException(why);
        value = value.strip();
    }

    /** True when {@link #problem(String)} finds nothing. */
    public static boolean valid(String text) { return problem(text) == null; }

    /** Null when the address can be used, else why not (in English, for the log). */
    public static String problem(String text) {
        if (text == null || text.isBlank()) return "no e-mail address";
        String e = text.strip();
        if (e.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters: " + e;
        try {
            InternetAddress a = new InternetAddress(e, true);
            a.validate();
            if (!e.equals(a.getAddress())) return "not a bare address: " + e;
            int at = e.lastIndexOf('@');
            if (at <= 0) return "no domain in " + e;
            String domain = e.substring(at + 1);
            if (!domain.contains(".") && !domain.equals("localhost")) return "no top-level domain in " + e;
            if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) return "bad domain in " + e;
            return null;
        } catch (AddressException ex) {
            return "invalid address " + e + ": " + ex.getMessage();
        }
    }

    @Override
    public String toString() { return value; }
}
