package org.coevgan.job.driver;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet files written with Parquet's own writer but laid out as Spark's writer lays them out:
 * the Parquet schema Spark derives from a Spark schema, and that Spark schema in the footer, so
 * that {@code spark.read().parquet} reads them exactly as Spark-written files. The driver writes
 * the metrics this way ({@link MetricsTable}) and every task its cell's state
 * ({@link CellStateFiles}).
 */
final class SparkParquetFiles {
  /** Footer key under which Spark keeps a file's Spark schema. */
  private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private SparkParquetFiles() {}

  /** Returns the Parquet schema Spark's own writer derives from a Spark schema. */
  static MessageType parquetType(StructType schema) {
    return new SparkToParquetSchemaConverter(SQLConf.get()).convert(schema);
  }

  /**
   * Opens a writer of rows as Parquet groups of the given type, with Spark's schema and any
   * further metadata in the footer, and Parquet 1.0 pages as Spark writes by default.
   */
  static ParquetWriter<Group> open(OutputFile file, Configuration conf, StructType schema,
      MessageType type, CompressionCodecName codec, boolean dictionary,
      Map<String, String> metadata) throws IOException {
    Map<String, String> footer = new HashMap<>(metadata);
    footer.put(SPARK_SCHEMA_KEY, schema.json());
    return ExampleParquetWriter.builder(file)
        .withConf(conf)
        .withType(type)
        .withCompressionCodec(codec)
        .withDictionaryEncoding(dictionary)
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .withExtraMetaData(footer)
        .build();
  }
}
