package org.coevgan.job;

/**
 * Process exit codes, one per kind of failure, so that a script or scheduler can tell whose move
 * it is: the user's (usage, configuration, data), the environment's, or ours.
 */
public enum ExitStatus {
  /** The run completed. */
  SUCCESS(0),
  /** The command line was wrong; the usage text was printed. */
  USAGE(2),
  /** The configuration or the input data is invalid; the message names the key or file. */
  BAD_INPUT(3),
  /** The file system or the cluster failed. */
  ENVIRONMENT(4),
  /** A bug in CoevGAN: please report it with the log. */
  INTERNAL(5);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  /** Returns the process exit code. */
  public int code() {
    return code;
  }
}
