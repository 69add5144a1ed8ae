package org.coevgan.job;

/**
 * A failure whose kind is known where it is raised, carrying the exit status that tells the
 * operator whose move it is (for example ENVIRONMENT when the cluster has too few task slots).
 */
public final class JobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitStatus status;

  /** Creates a failure of the given kind with a message that says what to do. */
  public JobFailure(ExitStatus status, String message) {
    super(message);
    this.status = status;
  }

  /** Returns the exit status for this failure. */
  public ExitStatus status() {
    return status;
  }
}
