package org.coevgan.dataprep;

/**
 * Signals that an input file holds bad data: a wrong or corrupt header, truncated or surplus
 * content, a broken gzip stream, or image and label files that do not belong together.
 *
 * <p>It extends {@link IllegalArgumentException} because the file is the caller's argument, but
 * it is its own type so that entry points can tell bad data (exit code 3) from a bad option
 * (exit code 2) and from a failing file system (exit code 4). Every message names the file and
 * the rule it breaks.
 */
public final class BadInputException extends IllegalArgumentException {
  /** Creates an exception whose message names the file and what is wrong with it. */
  public BadInputException(String message) {
    super(message);
  }

  /** Creates an exception whose message names the file, keeping the lower-level cause. */
  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
