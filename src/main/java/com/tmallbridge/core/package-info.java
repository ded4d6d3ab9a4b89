/**
 * Shared kernel: typed ids, exact money, time windows, canonical records that cross module
 * boundaries (sales orders, customers, materials) and the error model. Depends on nothing else.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.tmallbridge.core;

import org.jspecify.annotations.NullMarked;
