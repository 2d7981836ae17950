package io.rectify.delivery;

import io.rectify.ledger.EmailAddress;

/** Kept for the command line's {@code recipient add}: the rule itself is {@link EmailAddress}'s. */
public final class Addresses {

    private Addresses() {}

    /** Null when the address can be used, else why not. */
    public static String problem(String email) { return EmailAddress.problem(email); }
}
