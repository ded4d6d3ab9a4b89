/**
 * Sales-channel SPI: what the flows may ask of a marketplace (changed trades in a window, one trade,
 * items on sale), in channel-neutral records. {@code channel.tmall} implements it over the TOP
 * protocol; nothing outside {@code channel.tmall} speaks TOP.
 */
@NullMarked
package com.tmallbridge.channel;

import org.jspecify.annotations.NullMarked;
