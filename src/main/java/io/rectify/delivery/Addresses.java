package io.rectify.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks a recipient's e-mail address before anything is sent to it. */
public final class Addresses {

    private Addresses() {}

    /** Null when the address can be used, else why not. */
    public static String problem(String email) {
        if (email == null || email.isBlank()) return "no e-mail address";
        String e = email.strip();
        try {
            InternetAddress a = new InternetAddress(e, true);
            a.validate();
            if (!e.equals(a.getAddress())) return "not a bare address: " + e;
            int at = e.lastIndexOf('@');
            if (at <= 0) return "no domain in " + e;
            String domain = e.substring(at + 1);
            if (!domain.contains(".") && !domain.equals("localhost")) return "no top-level domain in " + e;
            return null;
        } catch (AddressException ex) {
            return "invalid address " + e + ": " + ex.getMessage();
        }
    }
}
