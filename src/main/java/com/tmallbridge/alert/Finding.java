package com.tmallbridge.alert;

import com.tmallbridge.core.ShopId;
import org.jspecify.annotations.Nullable;

/**
 * One condition holding now, as an {@link AlertCondition} reports it.
 *
 * @param kind the condition
 * @param subject what it holds for, stable while it holds (e.g. the shop code, or {@code TM01 tmall/trades}); with the
 *     kind it identifies the alert, so a changing figure belongs in the text, never in the subject
 * @param shop the shop concerned, null when none (a backup); users scoped to shops see only their shops' alerts
 * @param text one readable line with the figures, e.g. {@code 25 open exceptions (threshold 20): UNMAPPED_SKU 20, ERP_REJECTED 5}
 */
public record Finding(AlertKind kind, String subject, @Nullable ShopId shop, String text) {
  public Finding {
    if (subject.isBlank() || subject.length() > 200) {
      throw new IllegalArgumentException("an alert subject must have 1-200 characters, got '" + subject + "'");
    }
  }

  /** The key of the alert this finding raises or keeps open: kind and subject. */
  String key() {
    return kind + "|" + subject;
  }
}
