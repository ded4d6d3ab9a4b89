package com.tmallbridge.sandbox.tmall;

/**
 * What a client needs to call the sandbox: the app's key and secret and the seller's session key.
 * The sandbox accepts all three sign methods ({@code md5}, {@code hmac}, {@code hmac-sha256}).
 *
 * @param appKey 8-digit app key
 * @param appSecret app secret (32 lower-case hex characters)
 * @param sessionKey the seller's session (access token)
 * @param sellerNick the seller's nick, also the shop name and the trades' {@code title}
 */
public record SandboxCredentials(
    String appKey, String appSecret, String sessionKey, String sellerNick) {

  @Override
  public String toString() {
    return "SandboxCredentials[appKey=" + appKey + ", sellerNick=" + sellerNick + "]";
  }
}
