/**
 * The sync engine; knows no business. Checkpoints (high-water marks per source, stream and shop),
 * the inbox of raw snapshots (applied only when newer), the transactional outbox with its
 * dispatcher, retry policy (exponential backoff with cap and jitter, blocked after N attempts) and
 * the operator's view of blocked messages. Flow modules register {@link com.tmallbridge.sync.MessageHandler}s.
 */
@NullMarked
package com.tmallbridge.sync;

import org.jspecify.annotations.NullMarked;
