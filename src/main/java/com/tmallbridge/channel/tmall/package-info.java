/**
 * Tmall implementation of the channel SPI over the TOP protocol: signing (md5, hmac, hmac-sha256), envelopes (wrapped and simplify), typed errors, retry classes, per-shop rate limit, wire records and their mapping to channel records.
 */
@NullMarked
package com.tmallbridge.channel.tmall;

import org.jspecify.annotations.NullMarked;
