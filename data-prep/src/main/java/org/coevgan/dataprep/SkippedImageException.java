package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

/**
 * Signals that one image file cannot enter the image table, with the {@link SkipReason} and a
 * detail naming the offending value. {@link PrepareImages} catches it, counts the file and goes
 * on; it never ends a run by itself.
 */
final class SkippedImageException extends RuntimeException {
  private final SkipReason reason;

  SkippedImageException(SkipReason reason, String detail) {
    super(detail);
    this.reason = requireNonNull(reason, "reason");
  }

  SkippedImageException(SkipReason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = requireNonNull(reason, "reason");
  }

  /** Returns why the file was skipped. */
  SkipReason reason() {
    return reason;
  }
}
