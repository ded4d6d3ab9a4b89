/**
 * picocli commands; thin, calls the modules' public facades only.
 */
@NullMarked
package com.tmallbridge.cli;

import org.jspecify.annotations.NullMarked;
