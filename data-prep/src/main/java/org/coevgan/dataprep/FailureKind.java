package org.coevgan.dataprep;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.SparkException;
import org.slf4j.Logger;

/**
 * Sorts the failures of a data-prep entry point into kinds, each with its own exit code, so the
 * person reading the message knows whose move it is.
 *
 * <p>Bad arguments and bad data are the user's to fix and are logged as one line; environment
 * failures and internal errors come with their stack trace.
 */
enum FailureKind {
  INTERNAL(5, "an internal error"),
  BAD_ARGUMENTS(2, "bad arguments"),
  BAD_DATA(3, "bad input data"),
  ENVIRONMENT(4, "an environment failure");

  private final int exitCode;
  private final String description;

  FailureKind(int exitCode, String description) {
    this.exitCode = exitCode;
    this.description = description;
  }

  /** Returns the process exit code for this kind. */
  int exitCode() {
    return exitCode;
  }

  /** Returns the kind of a failure raised by a data-prep step. */
  static FailureKind of(Throwable failure) {
    if (failure instanceof BadInputException) {
      return BAD_DATA;
    }

    if (failure instanceof IllegalArgumentException) {
      return BAD_ARGUMENTS;
    }

    if (failure instanceof IOException
        || failure instanceof UncheckedIOException
        || failure instanceof SparkException) {
      return ENVIRONMENT;
    }

    return INTERNAL;
  }

  /** Logs the failure once, at ERROR, and returns the exit code for it. */
  int report(Logger log, String program, Throwable failure) {
    if (this == BAD_ARGUMENTS || this == BAD_DATA) {
      log.error("{} failed with {} exitCode={}: {}",
          program, description, exitCode, failure.getMessage());
    } else {
      log.error("{} failed with {} exitCode={}: {}",
          program, description, exitCode, failure.getMessage(), failure);
    }

    return exitCode;
  }
}
