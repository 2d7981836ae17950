package io.rectify.delivery;

/**
 * Where the delivery of one brief to one recipient stands ({@code delivery.status}).
 * <ul>
 *   <li>{@code PENDING}: not tried yet;</li>
 *   <li>{@code SENDING}: committed just before the SMTP transaction starts; a row left in this state by a process
 *       that died is turned into {@code UNCERTAIN} by the next run;</li>
 *   <li>{@code SENT}: the SMTP server accepted the message (250 after the data);</li>
 *   <li>{@code OUTBOX}: written as an .eml file to the outbox instead of being sent (no --send, or no SMTP
 *       server configured); a later run with --send sends it;</li>
 *   <li>{@code FAILED}: the server refused it, could not be reached, or the address is invalid; the next run tries
 *       again;</li>
 *   <li>{@code UNCERTAIN}: the message may or may not have reached the server (the process died, or the
 *       connection broke during the data); never sent again automatically, only with --resend-uncertain.</li>
 * </ul>
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, OUTBOX, FAILED, UNCERTAIN
}
