package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers shops whose session TOP declared invalid, so that no further call is sent with the
 * same dead credentials (each would fail again and count against the app's quota). A shop is
 * released by {@link #clear} or automatically as soon as it calls with a different app key or
 * session. Only a SHA-256 fingerprint of the credentials is kept, never the session itself.
 * Thread-safe; state is per process.
 */
final class ReauthorisationRegister {
  private final Map<ShopId, String> deadCredentials = new ConcurrentHashMap<>();

  /** Whether calls with {@code credentials} must be refused; forgets the shop when they changed. */
  boolean refuses(ShopCredentials credentials) {
    String dead = deadCredentials.get(credentials.shop());
    if (dead == null) {
      return false;
    }
    if (dead.equals(fingerprint(credentials))) {
      return true;
    }
    deadCredentials.remove(credentials.shop(), dead);
    return false;
  }

  void remember(ShopCredentials credentials) {
    deadCredentials.put(credentials.shop(), fingerprint(credentials));
  }

  void clear(ShopId shop) {
    deadCredentials.remove(shop);
  }

  boolean isPending(ShopId shop) {
    return deadCredentials.containsKey(shop);
  }

  private static String fingerprint(ShopCredentials credentials) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(credentials.appKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(credentials.sessionKey().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
