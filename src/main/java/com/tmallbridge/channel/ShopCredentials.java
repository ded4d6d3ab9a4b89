package com.tmallbridge.channel;

import com.tmallbridge.core.ShopId;

/**
 * How to call one shop's marketplace API.
 *
 * @param shop the shop
 * @param gatewayUrl e.g. {@code https://eco.taobao.com/router/rest} or a sandbox's URL
 * @param appKey the application's key
 * @param appSecret the application's secret (used for signing; never logged)
 * @param sessionKey the seller's authorised session (access token; never logged)
 * @param signMethod {@code md5}, {@code hmac} or {@code hmac-sha256}
 */
public record ShopCredentials(
    ShopId shop, String gatewayUrl, String appKey, String appSecret, String sessionKey, String signMethod) {

  @Override
  public String toString() {
    return "ShopCredentials[shop=" + shop + ", gatewayUrl=" + gatewayUrl + ", appKey=" + appKey + "]";
  }
}
