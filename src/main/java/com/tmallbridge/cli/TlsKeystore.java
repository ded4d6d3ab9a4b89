package com.tmallbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * {@code serve --tls-keystore FILE}: a PKCS12 keystore checked before the server starts (it opens with
 * the password and holds a private key with its certificate chain), then handed to Spring Boot as
 * {@code server.ssl.*}. A keystore that does not open, here or given as {@code server.ssl.*} in the
 * {@code --config} file, stops {@code serve} with exit code 2 and one line.
 */
final class TlsKeystore {
  static final String PASSWORD_VARIABLE = "BRIDGE_TLS_KEYSTORE_PASSWORD";
  private final Path file;
  private final String password;

  private TlsKeystore(Path file, String password) {
    this.file = file;
    this.password = password;
  }

  /**
   * Opens {@code file} with {@code password}.
   *
   * @throws IllegalArgumentException (exit 2) naming what is wrong: no such file, not PKCS12, wrong password, no key
   */
  static TlsKeystore load(Path file, String password) {
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--tls-keystore " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("--tls-keystore " + file + " cannot be opened: "
          + (e.getCause() instanceof UnrecoverableKeyException ? "wrong password" : "not a PKCS12 keystore or wrong password")
          + " (" + e.getMessage() + ")");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("--tls-keystore " + file + " cannot be read: " + e.getMessage());
    }
    try {
      boolean hasKey = false;
      for (String alias : Collections.list(store.aliases())) {
        hasKey |= store.isKeyEntry(alias) && store.getCertificateChain(alias) != null;
      }
      if (!hasKey) {
        throw new IllegalArgumentException("--tls-keystore " + file + " holds no private key with a certificate chain");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("--tls-keystore " + file + " cannot be read: " + e.getMessage());
    }
    return new TlsKeystore(file, password);
  }

  /** Makes {@code runtime}'s web server serve HTTPS with this keystore (the session cookie is then {@code Secure}). */
  void applyTo(SpringRuntime runtime) {
    runtime.with("server.ssl.enabled", true).with("server.ssl.key-store", "file:" + file.toAbsolutePath().normalize())
        .with("server.ssl.key-store-type", "PKCS12").with("server.ssl.key-store-password", password);
  }

  /**
   * Starts {@code runtime}; a failure to set up TLS (a {@code server.ssl.*} keystore in the
   * {@code --config} file that does not open) becomes an {@link IllegalArgumentException}: exit 2, one line.
   */
  static void start(SpringRuntime runtime) {
    try {
      runtime.context();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof GeneralSecurityException || t instanceof UnrecoverableKeyException
            || t.getClass().getName().startsWith("org.springframework.boot.ssl.")
            || t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("key store")) {
          throw new IllegalArgumentException("TLS: the keystore of server.ssl.* cannot be used: " + root(e));
        }
      }
      throw e;
    }
  }

  private static String root(Throwable e) {
    Throwable r = e;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return (r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage()).replace('\n', ' ');
  }
}
