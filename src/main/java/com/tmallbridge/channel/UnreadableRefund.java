package com.tmallbridge.channel;

/**
 * A refund the channel listed but the feed could not read; handed to the caller instead of failing
 * the whole window.
 *
 * @param refundId the refund id, or {@code "unknown"} when even that could not be read
 * @param rawJson the entry exactly as received
 * @param reason what could not be read
 */
public record UnreadableRefund(String refundId, String rawJson, String reason) {}
