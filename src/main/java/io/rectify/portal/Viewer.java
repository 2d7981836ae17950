package io.rectify.portal;

import java.util.Set;

import io.rectify.accounts.Role;

/**
 * The logged-in user of one request and the rounds they may see, read afresh from the database on every request,
 * so a round taken away is gone at once. An administrator sees every round.
 */
public record Viewer(long userId, String username, Role role, Set<Long> roundIds) {

    public boolean isAdmin() { return role == Role.ADMIN; }

    public boolean canSee(long roundId) { return isAdmin() || roundIds.contains(roundId); }
}
