package io.rectify.portal;

import java.util.Set;

import io.rectify.accounts.Role;

/**
 * The logged-in user of one request and the rounds they may see, read afresh from the database on every request,
 * so a round taken away is gone at once. An administrator sees every round.
 */
public record Viewer(long userId, String username, Role role, Set<Long> roundIds, String unit) {

    public Viewer(long userId, String username, Role role, Set<Long> roundIds) {
        this(userId, username, role, roundIds, null);
    }

    /** A unit contact: sees and acts on its own unit's measures only. */
    public boolean isUnit() { return role == Role.UNIT; }

    /** Whether a measure of this unit (as the ledger writes it, e.g. 区委办、区政府办) is the viewer's to act on. */
    public boolean ownsUnit(String measureUnit) {
        return !isUnit() || (unit != null && io.rectify.ledger.UnitContacts.unitsOf(measureUnit).contains(unit));
    }

    public boolean isAdmin() { return role == Role.ADMIN; }

    /** Whether the viewer sees the round's documents and pages (a unit contact: only the 延期 and 销号 pages). */
    public boolean canSee(long roundId) { return isAdmin() || (!isUnit() && roundIds.contains(roundId)); }

    /** Whether the round was given to the viewer (for a unit contact: its 延期 and 销号 pages). */
    public boolean givenRound(long roundId) { return isAdmin() || roundIds.contains(roundId); }
}
