package io.rectify.accounts;

import java.util.Collection;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A row of {@code app_user} as Spring Security sees it. The rounds are looked up per request (see the portal's Viewer).
 */
public final class PortalUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final String credentialStamp;
    private final Role role;
    private final boolean enabled;

    public PortalUser(long id, String username, String passwordHash, Role role, boolean enabled) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.credentialStamp = stamp(passwordHash);
        this.role = role;
        this.enabled = enabled;
    }

    public long id() { return id; }

    public Role role() { return role; }

    /**
     * Tells one password hash from another without holding it: kept after {@link #eraseCredentials()}, so a
     * session can see that the password was changed since it logged in.
     */
    public String credentialStamp() { return credentialStamp; }

    private static String stamp(String hash) {
        return hash == null ? "" : DigestUtils.sha256Hex(hash).substring(0, 16);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() { passwordHash = null; }

    @Override
    public boolean equals(Object o) { return o instanceof PortalUser other && other.id == id; }

    @Override
    public int hashCode() { return Long.hashCode(id); }

    @Override
    public String toString() { return username + " (" + role + ")"; }
}
