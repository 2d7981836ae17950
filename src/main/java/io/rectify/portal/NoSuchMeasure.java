package io.rectify.portal;

/**
 * A measure (or its evidence) the viewer may not act on: another round's, or for a unit contact another unit's.
 * 404, exactly like an unknown id, so that ids cannot be probed (as for documents and uploads).
 */
class NoSuchMeasure extends RuntimeException {
    NoSuchMeasure() { super("no such measure"); }
}
