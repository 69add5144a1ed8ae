package org.coevgan.dataprep;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Defines the Parquet table that lists the image files {@link PrepareImages} left out, one row
 * per file: {@code file} (the name as the metadata gives it), {@code line} (the metadata CSV
 * line naming it, null without metadata), {@code reason} (a {@link SkipReason} name) and
 * {@code detail} (the offending value, for people).
 *
 * <p>It is written beside the image table, in the sibling folder named by
 * {@link #outputFor(String)}: the image table's path with {@code -rejected} appended, so
 * {@code /data/covid64} gets {@code /data/covid64-rejected}. It is written, possibly empty, on
 * every successful run, and atomically like the image table.
 */
public final class RejectedTable {
  /** Names the column holding the file name. */
  public static final String FILE = "file";

  /** Names the column holding the metadata CSV line, null without metadata. */
  public static final String LINE = "line";

  /** Names the column holding the {@link SkipReason} name. */
  public static final String REASON = "reason";

  /** Names the column holding the detail of the reason. */
  public static final String DETAIL = "detail";

  /** Declares the table's columns, in order. */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField(FILE, DataTypes.StringType, false),
      DataTypes.createStructField(LINE, DataTypes.IntegerType, true),
      DataTypes.createStructField(REASON, DataTypes.StringType, false),
      DataTypes.createStructField(DETAIL, DataTypes.StringType, false)
  });

  private static final String SUFFIX = "-rejected";

  private RejectedTable() {}

  /** Returns the folder of the rejected table that goes with the image table at output. */
  public static String outputFor(String output) {
    String trimmed = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;

    return trimmed + SUFFIX;
  }

  /** Writes the rejections as a new table at {@code outputDir}, as ImageTable writes. */
  static void writeAtomically(SparkSession spark, List<Rejection> rejections, String outputDir) {
    List<Row> rows = rejections.stream()
        .map(rejection -> RowFactory.create(rejection.file(), rejection.line(),
            rejection.reason().name(), rejection.detail()))
        .toList();
    Dataset<Row> table = spark.createDataFrame(rows, SCHEMA).coalesce(1);

    ImageTable.writeFolderAtomically(spark, table, outputDir);
  }
}
