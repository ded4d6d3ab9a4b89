package com.tmallbridge.cli;

import com.tmallbridge.console.UserManagement;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve [--port 8080] [--bind 127.0.0.1]}: the long-running bridge with its web console — the
 * order, stock, fulfilment and after-sale schedulers of {@code sync} plus the console on
 * {@code http://<bind>:<port>/}. On a database without console users it creates {@code admin}
 * with a random password and prints it once.
 */
@Command(name = "serve", description = "Run the sync schedulers and the web console (log in at http://<bind>:<port>/).",
    mixinStandardHelpOptions = true)
class ServeCommand implements Callable<Integer> {
  private static final Pattern HOST = Pattern.compile("[0-9A-Za-z.:\\-\\[\\]]+");

  @ParentCommand BridgeCommand root;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port of the console (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address the console listens on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
  String bind;

  @Option(names = "--workers", defaultValue = "2", description = "Dispatcher threads of the order flow (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "Serve HTTPS with the key and certificate chain in this PKCS12 keystore; its password from --tls-password-file, "
          + "else " + TlsKeystore.PASSWORD_VARIABLE + ".")
  Path tlsKeystore;

  @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File whose first line is the keystore's password.")
  Path tlsPasswordFile;

  @Override
  public Integer call() throws InterruptedException {
    checkAddress(port, bind);
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("--workers must be between 1 and 64, got " + workers);
    }
    if (tlsPasswordFile != null && tlsKeystore == null) {
      throw new IllegalArgumentException("--tls-password-file goes with --tls-keystore");
    }
    SpringRuntime runtime = webServer(root.runtime(), port, bind).with("bridge.sync.worker-threads", workers);
    if (tlsKeystore != null) {
      TlsKeystore.load(tlsKeystore, SecretInput.system().read("the keystore password", "--tls-password-file", tlsPasswordFile,
          TlsKeystore.PASSWORD_VARIABLE)).applyTo(runtime);
    }
    Output out = new Output(root.spec.commandLine().getOut());
    TlsKeystore.start(runtime);
    CountDownLatch stopped = SyncCommand.startContinuously(runtime);
    announceConsole(runtime, out, port, bind);
    out.line("syncing orders, stock, shipments and refunds continuously; Ctrl-C to stop");
    stopped.await();
    return 0;
  }

  /** Refuses a port outside 0..65535 or an address that is no host name or IP address (exit 2). */
  static void checkAddress(int port, String bind) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    if (!HOST.matcher(bind).matches()) {
      throw new IllegalArgumentException("--bind must be an IP address or host name, got '" + bind + "'");
    }
  }

  /** Makes {@code runtime}, not yet started, a web application listening on {@code bind:port}. */
  static SpringRuntime webServer(SpringRuntime runtime, int port, String bind) {
    return runtime.with("spring.main.web-application-type", "servlet").with("server.port", port).with("server.address", bind);
  }

  /**
   * Creates the first admin on a database without console users (printing its password once) and
   * prints the console's URL, with the port the server actually listens on.
   *
   * @return the URL printed
   */
  static String announceConsole(SpringRuntime runtime, Output out, int port, String bind) {
    var environment = runtime.context().getEnvironment();
    String actualPort = environment.getProperty("local.server.port", Integer.toString(port));
    String scheme = environment.getProperty("server.ssl.key-store") != null || environment.getProperty("server.ssl.bundle") != null
        ? "https" : "http";
    runtime.bean(UserManagement.class).createFirstAdmin().ifPresent(password -> {
      out.line("first login: user admin, password " + password);
      out.line("  (shown once: change it with 'bridge user passwd admin', add users with 'bridge user add')");
    });
    String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    String url = scheme + "://" + host + ":" + actualPort + "/";
    out.line("console: " + url);
    return url;
  }
}
