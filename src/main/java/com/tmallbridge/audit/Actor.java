package com.tmallbridge.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who acted and from where, as the audit log records it.
 *
 * @param name the user: a console login, or the operating-system user for the command line
 * @param source where from: a remote address for the console and API, {@code cli@<host>} for the command line
 */
public record Actor(String name, String source) {

  public Actor {
    if (name.isBlank() || source.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name and a source");
    }
  }

  /** The operating-system user running this command-line process, on this host. */
  public static Actor commandLine() {
    String user = System.getProperty("user.name", "unknown");
    return new Actor(user.isBlank() ? "unknown" : user, "cli@" + host());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
