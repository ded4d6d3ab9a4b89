package com.tmallbridge.shop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator gives to add (or update, by code) a shop.
 *
 * @param code short unique code, letters, digits, '-' or '_', at most 32
 * @param name display name
 * @param gatewayUrl TOP gateway or a TOP-compatible one (the sandbox)
 * @param appKey application key
 * @param appSecret application secret
 * @param sessionKey seller session key
 * @param signMethod md5, hmac or hmac-sha256
 * @param since where the first pull starts; null means one day before now
 */
public record ShopRegistration(
    String code,
    String name,
    String gatewayUrl,
    String appKey,
    String appSecret,
    String sessionKey,
    String signMethod,
    @Nullable Instant since) {

  /** Names the shop without its secrets. */
  @Override
  public String toString() {
    return "ShopRegistration[code=" + code + ", name=" + name + ", gatewayUrl=" + gatewayUrl + ", appKey=" + appKey
        + ", appSecret=****, sessionKey=****, signMethod=" + signMethod + ", since=" + since + "]";
  }
}
