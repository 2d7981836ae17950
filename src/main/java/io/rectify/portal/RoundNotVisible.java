package io.rectify.portal;

/** A round code the viewer may not see, or that does not exist (403 either way, so codes cannot be probed). */
class RoundNotVisible extends RuntimeException {
    RoundNotVisible() { super("round not visible"); }
}
