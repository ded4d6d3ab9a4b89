package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --tls-keystore}: HTTPS with a self-signed PKCS12 keystore made by the JDK's keytool
 * at test time, fetched by a client that trusts exactly that certificate; the session cookie is
 * {@code Secure}. A keystore that is missing or opens with another password, also one named in
 * {@code server.ssl.*} of the {@code --config} file, stops {@code serve} with exit code 2 and one line.
 */
class ServeTlsTests {
  private static final Pattern URL = Pattern.compile("console: (https://127\\.0\\.0\\.1:\\d+/)");
  private static final String PASSWORD = "keystore-pass-1";

  @TempDir Path dir;
  private Path keystore;
  private Path passwordFile;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void makeKeystore() throws Exception {
    keystore = dir.resolve("bridge.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", "bridge", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    passwordFile = Files.writeString(dir.resolve("tls-password"), PASSWORD + "\n");
  }

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void servesTheLoginPageOverHttpsWithASecureSessionCookie() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serve = new Thread(() -> exit.set(run("--data", dir.resolve("data").toString(), "serve", "--port", "0", "--tls-keystore",
        keystore.toString(), "--tls-password-file", passwordFile.toString())), "serve-under-test");
    serve.start();
    try {
      await().atMost(Duration.ofMinutes(3)).until(() -> URL.matcher(out.toString()).find() || !serve.isAlive());
      Matcher url = URL.matcher(out.toString());
      assertThat(url.find()).as("out: %s, err: %s", out, err).isTrue();

      HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
      HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(url.group(1) + "login")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("password");
      List<String> cookies = login.headers().allValues("Set-Cookie");
      assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("BRIDGE_SESSION=").contains("Secure", "HttpOnly"));
      assertThat(login.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLSv1."));
    } finally {
      serve.interrupt();
      serve.join(120_000);
    }
    assertThat(serve.isAlive()).isFalse();
  }

  @Test
  void aMissingKeystoreExitsWithTwoAndOneLine() {
    assertThat(run("--data", dir.resolve("data").toString(), "serve", "--port", "0", "--tls-keystore", dir.resolve("nope.p12").toString(),
        "--tls-password-file", passwordFile.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --tls-keystore " + dir.resolve("nope.p12") + " does not exist\n");
  }

  @Test
  void aWrongPasswordExitsWithTwoAndOneLine() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-password\n");

    assertThat(run("--data", dir.resolve("data").toString(), "serve", "--port", "0", "--tls-keystore", keystore.toString(),
        "--tls-password-file", wrong.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --tls-keystore " + keystore + " cannot be opened").hasLineCount(1);
  }

  @Test
  void aBadKeystoreInTheConfigFileExitsWithTwoAndOneLine() throws Exception {
    Path config = Files.writeString(dir.resolve("bridge.properties"), "server.ssl.key-store=file:" + keystore + "\n"
        + "server.ssl.key-store-type=PKCS12\nserver.ssl.key-store-password=not-the-password\n");

    assertThat(run("--data", dir.resolve("data").toString(), "--config", config.toString(), "serve", "--port", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: TLS: the keystore of server.ssl.* cannot be used").hasLineCount(1);
  }

  /** A TLS context that trusts the certificate in {@code keystore}, and nothing else. */
  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("bridge", store.getCertificate("bridge"));
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
