package com.tmallbridge.testsupport;

import com.tmallbridge.core.ErrorCode;

/**
 * An error code for a failure a test fakes (a connector down, an answer lost), where the module's
 * own codes would pretend the failure came from a real system.
 *
 * @param code the code, e.g. {@code TEST-001}
 * @param description what the faked failure stands for
 */
public record TestErrorCode(String code, String description) implements ErrorCode {}
