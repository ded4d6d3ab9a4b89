/**
 * The console's long jobs: a runner ({@link com.tmallbridge.console.job.ConsoleJobs}) that does a
 * {@link com.tmallbridge.console.job.JobWork} in steps in the background and keeps its progress
 * for the screen's progress bar.
 */
@NullMarked
package com.tmallbridge.console.job;

import org.jspecify.annotations.NullMarked;
