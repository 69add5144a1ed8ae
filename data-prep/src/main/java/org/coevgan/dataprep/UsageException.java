package org.coevgan.dataprep;

/**
 * Signals command-line arguments that cannot be parsed: an unknown option, a missing option or
 * value, or a value of the wrong form. Entry points answer it with their usage text and exit
 * code 2.
 */
final class UsageException extends IllegalArgumentException {
  UsageException(String message) {
    super(message);
  }
}
