package com.tmallbridge.console;

/**
 * What a console user may do; {@link AccessRules} maps each role to the screens and actions it reaches.
 */
public enum Role {
  /** Everything, including settings, users and the audit log. */
  ADMIN,
  /** Day-to-day work: orders, exceptions (with retry), stock, shipments, after-sale; no settings, no users, no audit log. */
  OPERATOR,
  /** Read-only, plus the audit log and reconciliation; personal data stays masked. */
  AUDITOR;

  /** Parses a role name case-insensitively; {@link IllegalArgumentException} naming the choices otherwise. */
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(name.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "': one of admin, operator, auditor");
  }
}
