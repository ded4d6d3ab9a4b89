package com.tmallbridge.sandbox.tmall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulated seller: credentials and the items (immutable once generated). */
final class Shop {
  private final SandboxCredentials credentials;
  private final Map<Long, SandboxItem> items = new LinkedHashMap<>();
  private final List<SandboxItem> onSale;

  Shop(SandboxCredentials credentials, List<SandboxItem> items) {
    this.credentials = credentials;
    items.forEach(item -> this.items.put(item.numIid(), item));
    this.onSale = items.stream().filter(SandboxItem::onSale).toList();
    if (onSale.isEmpty()) {
      throw new IllegalArgumentException("a shop needs at least one item on sale");
    }
  }

  SandboxCredentials credentials() {
    return credentials;
  }

  List<SandboxItem> items() {
    return List.copyOf(items.values());
  }

  List<SandboxItem> onSale() {
    return onSale;
  }

  Optional<SandboxItem> item(long numIid) {
    return Optional.ofNullable(items.get(numIid));
  }
}
