package io.rectify.portal;

/** A request parameter that is not acceptable (400); the message is shown to the user. */
class BadRequest extends RuntimeException {
    BadRequest(String message) { super(message); }
}
