package com.tmallbridge.channel;

/**
 * A trade the channel listed but the feed could not read (a field with a value it cannot parse).
 * It is handed to the caller instead of failing the whole window, so one bad record never blocks
 * the others.
 *
 * @param tid the trade id, or {@code "unknown"} when even that could not be read
 * @param rawJson the entry exactly as received
 * @param reason what could not be read
 */
public record UnreadableTrade(String tid, String rawJson, String reason) {}
