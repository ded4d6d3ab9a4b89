package com.tmallbridge.console.api;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/audit}: the audit log, newest first (admins and auditors; every shop, like the console's screen). */
@RestController
@ConditionalOnWebApplication
@Tag(name = "audit")
class AuditApi {
  static final int MAX_LIMIT = 1_000;

  private final AuditManagement audit;

  AuditApi(AuditManagement audit) {
    this.audit = audit;
  }

  @GetMapping("/api/audit")
  @Operation(summary = "Audit entries, newest first, filtered by the parameters given",
      description = "At most limit entries (default 200, at most 1000); narrow with from/to (ISO-8601 instants) to read further back.")
  List<AuditEntry> list(
      @Parameter(description = "e.g. LOGIN_FAILED, EXCEPTION_ACTION") @RequestParam(name = "action", required = false) @Nullable String action,
      @Parameter(description = "who") @RequestParam(name = "actor", required = false) @Nullable String actor,
      @Parameter(description = "start of the target, e.g. exception: or user:olga") @RequestParam(name = "target", required = false)
      @Nullable String target,
      @Parameter(description = "from this instant (ISO-8601, e.g. 2026-12-05T00:00:00Z)") @RequestParam(name = "from", required = false)
      @Nullable String from,
      @Parameter(description = "before this instant") @RequestParam(name = "to", required = false) @Nullable String to,
      @RequestParam(name = "limit", defaultValue = "200") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return audit.entries(action == null || action.isBlank() ? null : parseAction(action), blankToNull(actor), blankToNull(target),
        instant("from", from), instant("to", to), limit);
  }

  private static AuditAction parseAction(String action) {
    try {
      return AuditAction.valueOf(action.strip());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "unknown action '" + action + "': one of " + Arrays.toString(AuditAction.values()));
    }
  }

  private static @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be an ISO-8601 instant such as 2026-12-05T00:00:00Z, got '"
          + value + "'");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
