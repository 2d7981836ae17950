package io.rectify.delivery;

/** An attempt to hand a message over that did not succeed, and what that means for trying again. */
public class SendFailure extends Exception {

    public enum Kind {
        /** Nothing was handed over and it may work later (server unreachable, 4xx reply): try again. */
        RETRY,
        /** The server said no for good (5xx reply, bad address, authentication): trying again will not help. */
        PERMANENT,
        /** The connection broke while the message was being handed over: the server may have it. */
        UNCERTAIN
    }

    private final Kind kind;

    public SendFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
