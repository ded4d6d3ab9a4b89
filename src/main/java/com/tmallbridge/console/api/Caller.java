package com.tmallbridge.console.api;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ShopId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** What the API needs to know of the signed-in caller: the shops to keep to, and who to name in the audit log. */
final class Caller {
  private Caller() {}

  /** The caller's shops for a façade query: null for every shop, otherwise the (non-empty) set. */
  static @Nullable Collection<ShopId> shops(ConsolePrincipal user) {
    return user.scope().all() ? null : user.scope().shops();
  }

  /** The caller as the audit log names them: the user, and the address (with the token's label when a token was used). */
  static Actor actor(ConsolePrincipal user, HttpServletRequest request) {
    String label = user.tokenLabel();
    return new Actor(user.getUsername(), request.getRemoteAddr() + (label == null ? "" : " (api token " + label + ")"));
  }
}
