/**
 * The bridge's database as a whole: copying an install's database (the embedded H2 file) into
 * another one (PostgreSQL) with its schema, rows and sequences. Knows no business.
 */
@NullMarked
package com.tmallbridge.store;

import org.jspecify.annotations.NullMarked;
