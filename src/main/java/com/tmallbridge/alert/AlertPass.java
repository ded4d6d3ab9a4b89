package com.tmallbridge.alert;

import java.util.List;

/**
 * What one evaluation pass did.
 *
 * @param raised alerts raised
 * @param repeated alerts repeated after their cooldown
 * @param resolved alerts resolved
 * @param failedConditions kinds whose condition could not be read (their alerts were left as they were)
 */
public record AlertPass(int raised, int repeated, int resolved, List<AlertKind> failedConditions) {}
