import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.report.TrainingReport;

/**
 * Writes the report of a CoevGAN run:
 * {@code submit/run-local.sh RunReport --run DIR --output REPORT_DIR}.
 */
public final class RunReport {
  private RunReport() {}

  /** Parses the arguments and writes report.md, losses.png and generation-times.png. */
  public static void main(String[] args) {
    if (args.length != 4 || !"--run".equals(args[0]) || !"--output".equals(args[2])) {
      System.err.println("usage: RunReport --run RUN_DIR --output REPORT_DIR");
      System.exit(2);
    }
    SparkSession spark = SparkSessions.forJob("RunReport");
    try {
      new TrainingReport(spark).write(args[1], Path.of(args[3]));
    } catch (IllegalArgumentException e) {
      System.err.println("RunReport: " + e.getMessage());
      System.exit(3);
    } finally {
      spark.stop();
    }
  }
}
