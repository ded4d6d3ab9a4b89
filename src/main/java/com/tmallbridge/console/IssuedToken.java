package com.tmallbridge.console;

/**
 * A token just created: the stored record and the secret, which exists only here and is to be shown
 * to its owner once. {@link #toString()} masks the secret, so a log of this object does not leak it.
 *
 * @param token the stored record
 * @param secret the bearer token ({@code tbk_} and 43 Base64url characters)
 */
public record IssuedToken(ApiToken token, String secret) {

  @Override
  public String toString() {
    return "IssuedToken[" + token + ", secret=****]";
  }
}
