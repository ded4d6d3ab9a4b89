package com.tmallbridge.console;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in console user: the name, the role (as authority {@code ROLE_<role>}) and the shops the
 * user may see. The password hash is held only until the login has checked it.
 */
public final class ConsolePrincipal implements UserDetails, org.springframework.security.core.CredentialsContainer {
  private final String username;
  private @Nullable String passwordHash;
  private final Role role;
  private final ShopScope scope;
  private final boolean enabled;
  private final boolean locked;
  private final @Nullable String tokenLabel;

  ConsolePrincipal(String username, String passwordHash, Role role, ShopScope scope, boolean enabled, boolean locked) {
    this(username, passwordHash, role, scope, enabled, locked, null);
  }

  private ConsolePrincipal(String username, @Nullable String passwordHash, Role role, ShopScope scope, boolean enabled, boolean locked,
      @Nullable String tokenLabel) {
    this.tokenLabel = tokenLabel;
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.scope = scope;
    this.enabled = enabled;
    this.locked = locked;
  }

  /** The user as an API token of theirs authenticates them: no password, the token's label kept for the audit log. */
  static ConsolePrincipal viaToken(ConsoleUser user, String tokenLabel) {
    return new ConsolePrincipal(user.username(), null, user.role(), user.scope(), true, false, tokenLabel);
  }

  /** The label of the API token that authenticated this request, null for a password login (session). */
  public @Nullable String tokenLabel() {
    return tokenLabel;
  }

  public Role role() {
    return role;
  }

  public ShopScope scope() {
    return scope;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
