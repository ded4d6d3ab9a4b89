package com.tmallbridge.secret;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data keys, in the order they were added. The last one is active and seals new values; any of
 * them opens a value that names it. Immutable: {@link #withNewKey()} returns a new ring.
 */
final class DataKeyRing {
  private final Map<String, DataKey> keys;
  private final DataKey active;

  DataKeyRing(List<DataKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a data key ring needs at least one key");
    }
    Map<String, DataKey> byId = new LinkedHashMap<>();
    for (DataKey k : keys) {
      if (byId.put(k.id(), k) != null) {
        throw new IllegalArgumentException("data key id '" + k.id() + "' appears twice");
      }
    }
    this.keys = byId;
    this.active = keys.get(keys.size() - 1);
  }

  /**
   * Reads a ring from text: one {@code id:base64} key per line (or separated by commas or spaces),
   * the last one active; blank lines and lines starting with {@code #} are skipped.
   */
  static DataKeyRing parse(String text) {
    List<DataKey> keys = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (String item : line.split("[,\\s]+")) {
        if (!item.isEmpty()) {
          keys.add(DataKey.parse(item));
        }
      }
    }
    return new DataKeyRing(keys);
  }

  /** A ring with one fresh random key. */
  static DataKeyRing fresh() {
    return new DataKeyRing(List.of(newKey("k1")));
  }

  /** This ring plus a fresh random key, which becomes active; its id is {@code k<n+1>}. */
  DataKeyRing withNewKey() {
    int n = keys.size() + 1;
    while (keys.containsKey("k" + n)) {
      n++;
    }
    List<DataKey> all = new ArrayList<>(keys.values());
    all.add(newKey("k" + n));
    return new DataKeyRing(all);
  }

  DataKey active() {
    return active;
  }

  Optional<DataKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  List<String> ids() {
    return List.copyOf(keys.keySet());
  }

  /** The ring as the key file holds it. */
  String encoded() {
    StringBuilder b = new StringBuilder("# TmallBridge data keys: id:base64, the last one is active. Keep a copy with the backups.\n");
    keys.values().forEach(k -> b.append(k.encoded()).append('\n'));
    return b.toString();
  }

  private static DataKey newKey(String id) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return DataKey.parse(id + ":" + Base64.getEncoder().encodeToString(bytes));
  }
}
