package com.tmallbridge.sandbox.tmall;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on 127.0.0.1 with a fixed pool of daemon threads: {@code /router/rest} is the
 * TOP gateway, {@code /control/} the sandbox's control API.
 */
final class SandboxServer implements AutoCloseable {
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;

  private SandboxServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds the server; it answers nothing until {@link #start()}.
   *
   * @param port TCP port, 0 for a free one
   * @throws UncheckedIOException when the port cannot be bound
   */
  static SandboxServer bind(int port, int threads, HttpHandler gateway, HttpHandler control) {
    disableNagle();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      ExecutorService executor =
          Executors.newFixedThreadPool(threads, daemonThreads("tmall-sandbox-http-"));
      server.setExecutor(executor);
      server.createContext("/router/rest", gateway);
      server.createContext("/control/", control);
      return new SandboxServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Tmall sandbox on port " + port, e);
    }
  }

  /**
   * The JDK server leaves Nagle's algorithm on unless told otherwise, which with the client's
   * delayed ACKs adds ~40 ms to every small answer; a benchmark paging thousands of pages would
   * measure that instead of the bridge. The property is read once per JVM, when the first server
   * starts, and is left alone if the process already set it.
   */
  private static void disableNagle() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  /** Serves another context (a more specific path wins over {@code /control/}). */
  void addContext(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
