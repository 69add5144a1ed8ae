import org.coevgan.job.CoevGanMain;

/**
 * Entry point for {@code spark-submit --class CoevGanJob <jar> --config FILE --output DIR
 * [--set key=value]...}. It lives in the unnamed package so that the class name alone is enough
 * on the command line; the work happens in {@link CoevGanMain}.
 */
public final class CoevGanJob {
  private CoevGanJob() {}

  /** Runs the coevolution job and exits with its status code. */
  public static void main(String[] args) {
    int status = CoevGanMain.run(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
