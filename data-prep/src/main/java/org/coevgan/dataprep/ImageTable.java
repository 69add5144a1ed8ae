package org.coevgan.dataprep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Defines the Parquet image table that every stage after data-prep reads, and writes it safely.
 *
 * <p>One row is one image: {@code id} (0-based index in its source), {@code source} (the source
 * file's name), {@code label} (null when no labels were given), {@code height}, {@code width},
 * {@code pixels} (row-major, height times width values in [-1, 1]) and {@code synthetic} (false
 * for real images, true for images a balancing step such as SMOTE made up).
 *
 * <p>Tables made from image files ({@link PrepareImages}) carry one more column,
 * {@code metadata} (map&lt;string,string&gt;, nullable): the image's row of the metadata CSV,
 * header name to trimmed value, or null when no CSV was given and for synthetic rows. Their
 * {@code id} runs from 0 over the whole table (real images in metadata order, then synthetic
 * ones) because every image file holds one image. Readers select columns by name, so both
 * layouts read alike; {@link #SCHEMA_WITH_METADATA} declares the wider one.
 *
 * <p>{@link #SCHEMA} is the contract when a table is built. Spark writes every Parquet column as
 * nullable, so a table read back reports all columns nullable; readers rely on the writer, not
 * on the file, for the columns this schema declares not null.
 *
 * <p>A table appears whole or not at all: {@link #writeAtomically} writes into a hidden sibling
 * folder and renames it into place, deleting it if anything fails. Hidden names (starting with
 * '.' or '_') are skipped by Spark and by {@link #countRows}.
 */
public final class ImageTable {
  /** Names the column holding the 0-based index of the image in its source. */
  public static final String ID = "id";

  /** Names the column holding the source file's name, such as t10k-images-idx3-ubyte.gz. */
  public static final String SOURCE = "source";

  /** Names the column holding the class label, null when the source had no labels. */
  public static final String LABEL = "label";

  /** Names the column holding the image height in pixels. */
  public static final String HEIGHT = "height";

  /** Names the column holding the image width in pixels. */
  public static final String WIDTH = "width";

  /** Names the column holding the row-major pixel values normalised to [-1, 1]. */
  public static final String PIXELS = "pixels";

  /** Names the column that is true for generated images and false for real ones. */
  public static final String SYNTHETIC = "synthetic";

  /** Names the column holding an image's metadata CSV row, column name to value. */
  public static final String METADATA = "metadata";

  /** Declares the table's columns, in order, with their types and nullability. */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField(ID, DataTypes.LongType, false),
      DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
      DataTypes.createStructField(LABEL, DataTypes.IntegerType, true),
      DataTypes.createStructField(HEIGHT, DataTypes.IntegerType, false),
      DataTypes.createStructField(WIDTH, DataTypes.IntegerType, false),
      DataTypes.createStructField(
          PIXELS, DataTypes.createArrayType(DataTypes.FloatType, false), false),
      DataTypes.createStructField(SYNTHETIC, DataTypes.BooleanType, false)
  });

  /** Declares the columns of a table made from image files: {@link #SCHEMA} then metadata. */
  public static final StructType SCHEMA_WITH_METADATA = SCHEMA.add(
      DataTypes.createStructField(METADATA,
          DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true));

  private static final double HALF_GREY_RANGE = 127.5;

  private ImageTable() {}

  /**
   * Returns the table's value for an 8-bit grey level: {@code grey / 127.5 - 1}, so 0 becomes
   * -1, 255 becomes 1 and 51 becomes -0.6.
   *
   * @throws IllegalArgumentException if {@code grey} is outside 0 to 255
   */
  public static float normalisedPixel(int grey) {
    if (grey < 0 || grey > 255) {
      throw new IllegalArgumentException(
          "Cannot normalise grey level " + grey + " because 8-bit grey levels run from 0 to 255");
    }

    return (float) (grey / HALF_GREY_RANGE - 1.0);
  }

  /** Returns 8-bit grey levels (unsigned bytes) normalised as by {@link #normalisedPixel}. */
  public static float[] normalisedPixels(byte[] greyLevels) {
    float[] pixels = new float[greyLevels.length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = normalisedPixel(Byte.toUnsignedInt(greyLevels[i]));
    }

    return pixels;
  }

  /**
   * Writes images as a new Parquet table at {@code outputDir}, which appears only once complete.
   *
   * <p>The rows go to a hidden sibling folder {@code .NAME.tmp-UUID}, which is renamed to
   * {@code outputDir} through the Hadoop file system (file://, hdfs:// and others) and deleted
   * if the write or the rename fails. Two writers racing for the same {@code outputDir} are not
   * detected beyond the check made just before the rename.
   *
   * @throws IllegalArgumentException if {@code outputDir} already exists or has no parent, or
   *     if the columns of {@code images} are neither {@link #SCHEMA} nor
   *     {@link #SCHEMA_WITH_METADATA}
   * @throws UncheckedIOException if the file system fails
   */
  public static void writeAtomically(SparkSession spark, Dataset<Row> images, String outputDir) {
    checkColumns(images);
    writeFolderAtomically(spark, images, outputDir);
  }

  /** Writes any rows as a new Parquet folder, as {@link #writeAtomically} does, unchecked. */
  static void writeFolderAtomically(SparkSession spark, Dataset<Row> rows, String outputDir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    OutputFolder output = OutputFolder.resolve(outputDir, conf);
    output.checkAbsent();

    Path temporary = output.temporarySibling(UUID.randomUUID());
    boolean committed = false;
    try {
      output.writeInto(temporary, rows);
      output.checkAbsent();
      output.moveFrom(temporary);
      committed = true;
    } finally {
      if (!committed) {
        output.deleteQuietly(temporary);
      }
    }
  }

  /**
   * Returns the number of rows in the table at {@code path} by summing the row counts in the
   * footers of its Parquet files, without starting Spark.
   *
   * <p>{@code path} may be a table folder or a single Parquet file; in a folder, files whose
   * names start with '.' or '_' are skipped, as Spark skips them. The Hadoop configuration is the
   * default one found on the class path.
   *
   * @throws IllegalArgumentException if {@code path} does not exist or holds no Parquet files
   * @throws BadInputException if a file in the table is not a readable Parquet file
   * @throws UncheckedIOException if the file system fails
   */
  public static long countRows(String path) {
    Configuration conf = new Configuration();
    try {
      long rows = 0;
      for (FileStatus file : parquetFiles(path, conf)) {
        rows += rowsInFooter(file, conf);
      }

      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot count the rows of the image table at " + path + " because the file system"
              + " failed (" + e + "); check that the path is readable",
          e);
    }
  }

  private static void checkColumns(Dataset<Row> images) {
    String columns = images.schema().catalogString();
    if (!columns.equals(SCHEMA.catalogString())
        && !columns.equals(SCHEMA_WITH_METADATA.catalogString())) {
      throw new IllegalArgumentException(
          "Cannot write the image table because its columns are " + columns + " but must be "
              + SCHEMA.catalogString() + " or " + SCHEMA_WITH_METADATA.catalogString()
              + "; build the rows with ImageTable.SCHEMA or ImageTable.SCHEMA_WITH_METADATA");
    }
  }

  private static List<FileStatus> parquetFiles(String path, Configuration conf)
      throws IOException {
    Path table = new Path(path);
    FileSystem fileSystem = table.getFileSystem(conf);
    if (!fileSystem.exists(table)) {
      throw new IllegalArgumentException(
          "Cannot count the rows of the image table at " + path + " because the path does not"
              + " exist (a relative path starts at the working directory "
              + System.getProperty("user.dir") + "); prepare it (submit/prepare-data.sh "
              + "fashion-mnist or mnist-test, PrepareIdx, PrepareImages) or fix the path");
    }

    List<FileStatus> files = new ArrayList<>();
    for (FileStatus status : fileSystem.listStatus(table)) {
      if (status.isFile() && !isHidden(status.getPath())) {
        files.add(status);
      }
    }

    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot count the rows of the image table at " + path + " because it holds no Parquet"
              + " files; the table was not written completely, write it again");
    }

    return files;
  }

  private static long rowsInFooter(FileStatus file, Configuration conf) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
      return reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
    } catch (RuntimeException e) {
      // parquet-hadoop reports a file without the Parquet magic as a RuntimeException.
      throw new BadInputException(
          "Cannot count the rows of the image table because " + file.getPath() + " is not a"
              + " readable Parquet file (" + e.getMessage() + "); remove it or write the table"
              + " again",
          e);
    }
  }

  static boolean isHidden(Path path) {
    String name = path.getName();

    return name.startsWith(".") || name.startsWith("_");
  }
}
