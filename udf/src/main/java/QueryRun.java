import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.udf.RunTables;

/**
 * Runs one Spark SQL query over a CoevGAN run folder and prints the result:
 * {@code submit/run-local.sh QueryRun --run DIR --sql "SELECT ..." [--rows N]}. The views
 * metrics, state and scores and the CoevGAN functions are registered first.
 */
public final class QueryRun {
  private QueryRun() {}

  /** Parses the arguments, runs the query and prints up to --rows rows (default 50). */
  public static void main(String[] args) {
    String run = null;
    String sql = null;
    int rows = 50;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--run" -> run = args[i + 1];
        case "--sql" -> sql = args[i + 1];
        case "--rows" -> rows = rowCount(args[i + 1]);
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (run == null || sql == null || args.length % 2 != 0) {
      usage("--run and --sql are required");
    }

    SparkSession spark = SparkSessions.forJob("QueryRun");
    try {
      RunTables.register(spark, run);
      spark.sql(sql).show(rows, false);
    } catch (Exception e) {
      // AnalysisException (an unknown column or view, a syntax error) is checked but undeclared.
      if (!(e instanceof IllegalArgumentException || e instanceof AnalysisException)) {
        throw e;
      }
      System.err.println("QueryRun: " + oneLine(e) + "; the views are metrics, state and scores");
      spark.stop();
      System.exit(3);
    } finally {
      spark.stop();
    }
  }

  /** Returns the message's first line: Spark appends the whole query plan to it. */
  private static String oneLine(Exception e) {
    String message = e instanceof AnalysisException analysis ? analysis.getSimpleMessage()
        : String.valueOf(e.getMessage());
    return message.lines().findFirst().orElse(message);
  }

  private static int rowCount(String text) {
    try {
      int rows = Integer.parseInt(text);
      if (rows >= 1) {
        return rows;
      }
    } catch (NumberFormatException e) {
      // Refused below with the value.
    }
    usage("--rows " + text + " must be a whole number of at least 1");
    return 0;
  }

  private static void usage(String problem) {
    System.err.println("QueryRun: " + problem);
    System.err.println("usage: QueryRun --run DIR --sql \"SELECT ... FROM metrics|state|scores\""
        + " [--rows N]");
    System.exit(2);
  }
}
