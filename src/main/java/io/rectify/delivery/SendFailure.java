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
    private final String notAnswering;

    public SendFailure(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    SendFailure(Kind kind, String message, Throwable cause, String notAnswering) {
        super(message, cause);
        this.kind = kind;
        this.notAnswering = notAnswering;
    }

    public Kind kind() { return kind; }

    /**
     * When the server itself did not answer (could not be reached, or a wait for its reply timed out, before the data
     * or after it): "mail server host:port not answering (why)", since the next recipient would fare no better. Null
     * for a reply of the server, or a failure that concerns one message.
     */
    public String notAnswering() { return notAnswering; }
}
