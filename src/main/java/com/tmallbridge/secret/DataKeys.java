package com.tmallbridge.secret;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Where the data keys come from and their rotation. The keys are read from {@code BRIDGE_DATA_KEYS}
 * when that is set (one {@code id:base64} per line or comma-separated, the last active), otherwise
 * from {@code bridge.security.data-keys-file} (default {@code ${bridge.data}/keys/data-keys}), which
 * is created with one fresh key on first start.
 */
public class DataKeys {
  static final String ENV = "BRIDGE_DATA_KEYS";

  private final DataKeyFile file;
  private final @Nullable String fromEnvironment;
  private final DataKeyRing ring;

  DataKeys(Environment environment, String file) {
    this.file = new DataKeyFile(Path.of(file));
    String env = environment.getProperty(ENV);
    this.fromEnvironment = env == null || env.isBlank() ? null : env;
    this.ring = fromEnvironment != null ? DataKeyRing.parse(fromEnvironment) : this.file.loadOrCreate();
  }

  DataKeyRing ring() {
    return ring;
  }

  /** The id of the key that seals new values in this process. */
  public String activeKeyId() {
    return ring.active().id();
  }

  /** The ids of all keys this process can open with, oldest first. */
  public List<String> keyIds() {
    return ring.ids();
  }

  /** The key file, or null when the keys come from {@code BRIDGE_DATA_KEYS}. */
  public @Nullable Path keyFile() {
    return fromEnvironment == null ? file.path() : null;
  }

  /**
   * Adds a fresh key to the key file and makes it the active one for the next start (this process
   * keeps sealing with the key it started with). Returns the new key's id.
   *
   * @throws IllegalStateException when the keys come from {@code BRIDGE_DATA_KEYS}
   */
  public String rotate() {
    if (fromEnvironment != null) {
      throw new IllegalStateException("the data keys come from " + ENV + ": add a new 'id:base64' key at its end instead");
    }
    return file.rotate().active().id();
  }
}
