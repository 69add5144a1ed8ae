package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.ImageIngestion.KeptImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests a folder of PNG and JPEG images, selected by a metadata CSV, into a new Parquet image
 * table (see {@link ImageTable}), optionally balanced with {@link Smote}.
 *
 * <p>Run it with {@code spark-submit --class PrepareImages coevgan-data-prep.jar --images DIR
 * [--metadata CSV [--filter column=value[,value...]]...] --size N --output DIR}; {@code --help}
 * prints every option. Outside spark-submit it starts a local session bound to 127.0.0.1.
 *
 * <p>Steps, each ending with one INFO line of counts:
 * <ol>
 *   <li>select: read the metadata CSV ({@link CsvReader}) and keep the rows every filter
 *       accepts ({@link ImageSelection});
 *   <li>ingest: decode, convert from an embedded colour profile to sRGB
 *       ({@link EmbeddedProfile}), crop to square and shrink each file ({@link ImageDecoder}),
 *       skipping bad files and exact duplicates by reason ({@link SkipReason});
 *   <li>label, when {@code --label-column} is given: number the column's distinct values of the
 *       kept images 0, 1, ... in sorted order, so "COVID-19" and "SARS" become 0 and 1,
 *       after merging the values each {@code --label-group} lists into its name
 *       ({@link LabelGroups}); otherwise labels stay null;
 *   <li>balance with SMOTE, when {@code --smote-target} is given: within each label
 *       ({@link SmoteByLabel}) when there are labels, else over all kept images
 *       ({@link Smote});
 *   <li>write the image table and, beside it, the rejected table ({@link RejectedTable}).
 * </ol>
 * The first four run in the driver before Spark starts, so bad arguments and bad data fail fast.
 *
 * <p>Failure recovery: a bad image file never ends the run. It is skipped and recorded; only
 * when the bad files exceed {@code --max-skipped} (default: a tenth of the selected files) does
 * the run fail, naming that option, and then nothing is written. A bad metadata CSV, a missing
 * folder, or no image kept at all fail at once. Both tables are written atomically; the image
 * table goes last, and if it fails the rejected table is removed again.
 *
 * <p>Exit codes: 0 done; 5 internal error (a bug); 2 bad arguments, including an existing
 * output; 3 bad input data; 4 environment failure (file system or cluster).
 *
 * <p>Checklist for changes: keep ids dense from 0 with real images first; keep synthetic rows
 * marked {@code synthetic = true}, since the job trains and scores on real rows only; add
 * columns rather than renaming them, since the job selects columns by name; and give every new
 * skip a {@link SkipReason} and a test.
 */
public final class PrepareImages {
  private static final Logger LOG = LoggerFactory.getLogger(PrepareImages.class);

  private static final String PROGRAM = "PrepareImages";

  /** Lists the output sizes the networks of the job accept, in pixels per side. */
  public static final Set<Integer> SIZES = Set.of(28, 64, 128);

  /**
   * Holds the settings of the SMOTE step.
   *
   * @param target the number of images, real and synthetic, to reach; at least 1
   * @param neighbourCount k, the number of nearest neighbours to choose from; at least 1
   * @param seed the seed of every random draw
   */
  public record SmoteOptions(int target, int neighbourCount, long seed) {
    /** Checks that the target and the neighbour count are at least 1. */
    public SmoteOptions {
      if (target < 1 || neighbourCount < 1) {
        throw new IllegalArgumentException(
            "Cannot balance with SMOTE to target " + target + " with " + neighbourCount
                + " neighbours because both must be at least 1; fix --smote-target or"
                + " --smote-k");
      }
    }
  }

  /**
   * Holds what to ingest and where to write it.
   *
   * @param images the folder holding the image files
   * @param metadata the metadata CSV, if any; without it every file of the folder is selected
   * @param filters the filters on metadata columns, combined with AND; empty keeps every row
   * @param fileColumn the metadata column naming each image file
   * @param labelColumn the metadata column numbered into labels, if any
   * @param size the side of the square output images, one of {@link #SIZES}
   * @param output the folder of the new table, any Hadoop path; it must not exist
   * @param maxSkipped how many bad files are tolerated
   * @param smote the SMOTE settings, if SMOTE runs
   * @param labelGroups {@code NAME=VALUE[,VALUE...]} texts merging label column values into
   *     one label each ({@link LabelGroups}); empty keeps every value its own label
   */
  public record Options(Path images, Optional<Path> metadata, List<MetadataFilter> filters,
      String fileColumn, Optional<String> labelColumn, int size, String output,
      MaxSkipped maxSkipped, Optional<SmoteOptions> smote, List<String> labelGroups) {
    /** Checks the options against each other, naming the options to fix. */
    public Options {
      requireNonNull(images, "images");
      requireNonNull(metadata, "metadata");
      filters = List.copyOf(requireNonNull(filters, "filters"));
      requireNonNull(fileColumn, "fileColumn");
      requireNonNull(labelColumn, "labelColumn");
      requireNonNull(output, "output");
      requireNonNull(maxSkipped, "maxSkipped");
      requireNonNull(smote, "smote");
      labelGroups = List.copyOf(requireNonNull(labelGroups, "labelGroups"));
      checkOptions(metadata, filters, labelColumn, size);
      checkLabelGroups(labelColumn, labelGroups);
    }

    /** Options without label groups: every value of the label column keeps its own label. */
    public Options(Path images, Optional<Path> metadata, List<MetadataFilter> filters,
        String fileColumn, Optional<String> labelColumn, int size, String output,
        MaxSkipped maxSkipped, Optional<SmoteOptions> smote) {
      this(images, metadata, filters, fileColumn, labelColumn, size, output, maxSkipped, smote,
          List.of());
    }
  }

  private static void checkLabelGroups(Optional<String> labelColumn, List<String> groups) {
    if (!groups.isEmpty() && labelColumn.isEmpty()) {
      throw new IllegalArgumentException("Cannot apply --label-group without --label-column; "
          + "name the metadata column whose values the groups merge");
    }
    LabelGroups.parse(groups);
  }

  /**
   * Holds the counts of a finished run.
   *
   * @param rows the metadata rows, or the folder's files without metadata
   * @param filteredOutByColumn the rows left out by the filters, per refusing column
   * @param selected the files selected for ingestion
   * @param skippedByReason the selected files left out, per reason, duplicates included
   * @param real the real images written
   * @param synthetic the synthetic images written
   * @param rejectedOutput the folder of the rejected table
   */
  public record Result(int rows, Map<String, Integer> filteredOutByColumn, int selected,
      Map<SkipReason, Long> skippedByReason, long real, long synthetic, String rejectedOutput) {
    /** Copies the maps. */
    public Result {
      filteredOutByColumn = Map.copyOf(filteredOutByColumn);
      skippedByReason = Map.copyOf(skippedByReason);
    }
  }

  private static void checkOptions(Optional<Path> metadata, List<MetadataFilter> filters,
      Optional<String> labelColumn, int size) {
    if (!SIZES.contains(size)) {
      throw new IllegalArgumentException(
          "Cannot prepare images at --size " + size + " because the networks take only the"
              + " sizes " + new TreeSet<>(SIZES) + "; choose one of them");
    }

    if (metadata.isEmpty() && (!filters.isEmpty() || labelColumn.isPresent())) {
      throw new IllegalArgumentException(
          "Cannot apply --filter or --label-column because no --metadata CSV is given; add"
              + " --metadata or leave them out");
    }

    checkOneFilterPerColumn(filters);
  }

  private static void checkOneFilterPerColumn(List<MetadataFilter> filters) {
    Set<String> columns = new TreeSet<>();
    for (MetadataFilter filter : filters) {
      if (!columns.add(filter.column())) {
        throw new IllegalArgumentException(
            "Cannot apply --filter on column '" + filter.column() + "' twice because filters"
                + " on one column would all have to match; list every accepted value in one"
                + " --filter " + filter.column() + "=value,value");
      }
    }
  }

  /** Holds what the driver-side steps produced, ready to write. */
  private record Prepared(ImageSelection selection, ImageIngestion ingestion, List<Row> real,
      List<Row> synthetic) {}

  private PrepareImages() {}

  /** Runs PrepareImages from the command line and exits with the code of its outcome. */
  public static void main(String[] args) {
    int exitCode = execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Prepares the images {@code options} select and writes them as a new image table, with its
   * rejected table beside it, in {@code spark}.
   *
   * @throws BadInputException if the metadata or the folder is bad, too many files are bad
   *     (naming --max-skipped), or no image is kept
   * @throws IllegalArgumentException if an option does not fit the data or an output exists
   * @throws java.io.UncheckedIOException if the file system fails
   */
  public static Result run(SparkSession spark, Options options) {
    long started = System.nanoTime();

    return write(spark, prepare(options), options, started);
  }

  /** Returns the exit code for a command line, printing usage or logging failures. */
  static int execute(String[] args) {
    if (PrepareImagesArguments.asksForHelp(args)) {
      System.out.println(PrepareImagesArguments.USAGE);
      return 0;
    }

    try {
      runInNewSession(PrepareImagesArguments.parse(args));
      return 0;
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.println(PrepareImagesArguments.USAGE);
      return FailureKind.BAD_ARGUMENTS.exitCode();
    } catch (Exception e) {
      // Spark's Scala code throws checked exceptions such as SparkException undeclared.
      return FailureKind.of(e).report(LOG, PROGRAM, e);
    }
  }

  private static void runInNewSession(Options options) {
    long started = System.nanoTime();
    Prepared prepared = prepare(options);

    SparkSession spark = SparkSessions.forJob(PROGRAM);
    try {
      write(spark, prepared, options, started);
    } finally {
      spark.stop();
    }
  }

  private static Prepared prepare(Options options) {
    ImageSelection selection = select(options);
    ImageIngestion ingestion = ingest(selection, options);
    List<KeptImage> kept = ingestion.kept();
    String labelColumn = options.labelColumn().orElse(null);
    LabelGroups groups = LabelGroups.parse(options.labelGroups());
    Map<String, Integer> labels = label(kept, options.labelColumn(), groups);
    List<Row> real = ImageFileRows.real(kept, labelColumn, labels);
    List<Row> synthetic = ImageFileRows.synthetic(kept, labelColumn, labels,
        balance(kept, options.labelColumn(), groups, options.smote()));

    return new Prepared(selection, ingestion, real, synthetic);
  }

  private static ImageSelection select(Options options) {
    ImageSelection selection = ImageSelection.select(options);
    LOG.info("Selected image files rows={} selected={} filteredOutByColumn={} filters={}"
            + " metadata={}", selection.rows(), selection.candidates().size(),
        selection.filteredOut(), options.filters(), options.metadata().orElse(null));

    return selection;
  }

  private static ImageIngestion ingest(ImageSelection selection, Options options) {
    long started = System.nanoTime();
    ImageIngestion ingestion =
        ImageIngestion.ingest(selection, options.images(), options.size());
    SkipTally tally = ingestion.tally();
    tally.warnByReason();
    LOG.info("Ingested image files selected={} kept={} skipped={} skippedByReason={} size={}"
            + " convertedToSrgbByProfile={} elapsedMs={}", selection.candidates().size(),
        ingestion.kept().size(), tally.rejections().size(), tally.countsByReason(),
        options.size(), ingestion.profilesApplied(), (System.nanoTime() - started) / 1_000_000);

    tally.checkWithin(options.maxSkipped(), selection.candidates().size());
    checkSomeKept(ingestion, selection);

    return ingestion;
  }

  private static void checkSomeKept(ImageIngestion ingestion, ImageSelection selection) {
    if (ingestion.kept().isEmpty()) {
      throw new BadInputException(
          "Cannot write the image table because no image was kept: " + selection.rows()
              + " rows, " + selection.candidates().size() + " selected, skipped by reason "
              + ingestion.tally().countsByReason() + "; relax --filter or fix the files");
    }
  }

  /**
   * Numbers the labels (the label column's values after grouping) 0, 1, ... in sorted order and
   * returns the number of every value of the kept images, so that grouped values share one.
   */
  private static Map<String, Integer> label(List<KeptImage> kept, Optional<String> column,
      LabelGroups groups) {
    if (column.isEmpty()) {
      return Map.of();
    }

    Map<String, String> labelByValue = new TreeMap<>();
    kept.forEach(image -> {
      String value = image.candidate().metadata().get(column.get());
      labelByValue.put(value, groups.labelOf(value));
    });
    groups.checkAgainst(column.get(), labelByValue.keySet());
    Map<String, Integer> numbers = new TreeMap<>();
    new TreeSet<>(labelByValue.values()).forEach(label -> numbers.put(label, numbers.size()));
    Map<String, Integer> labels = new TreeMap<>();
    labelByValue.forEach((value, label) -> labels.put(value, numbers.get(label)));
    LOG.info("Labelled images column={} labels={} imagesByLabel={} groups={} images={}",
        column.get(), numbers, countByLabel(labelValues(kept, column.get(), groups)),
        groups.isEmpty() ? "none" : groups, kept.size());

    return labels;
  }

  private static Map<String, Integer> countByLabel(List<String> labels) {
    Map<String, Integer> counts = new TreeMap<>();
    labels.forEach(label -> counts.merge(label, 1, Integer::sum));
    return counts;
  }

  private static List<Smote.Synthetic> balance(List<KeptImage> kept,
      Optional<String> labelColumn, LabelGroups groups, Optional<SmoteOptions> smote) {
    if (smote.isEmpty()) {
      return List.of();
    }

    SmoteOptions settings = smote.get();
    List<float[]> pixels = kept.stream().map(image -> image.image().pixels()).toList();
    List<String> labels = labelColumn.map(column -> labelValues(kept, column, groups))
        .orElse(null);
    List<Smote.Synthetic> synthetic = labels == null
        ? Smote.oversample(pixels, settings.target(), settings.neighbourCount(), settings.seed())
        : SmoteByLabel.oversample(pixels, labels, settings.target(), settings.neighbourCount(),
            settings.seed());
    LOG.info("Balanced images with SMOTE real={} synthetic={} total={} target={} neighbours={}"
            + " seed={} syntheticByLabel={}", kept.size(), synthetic.size(),
        kept.size() + synthetic.size(), settings.target(), settings.neighbourCount(),
        settings.seed(), syntheticByLabel(labels, synthetic));

    return synthetic;
  }

  /** Returns each kept image's label: its label column value, grouped. */
  private static List<String> labelValues(List<KeptImage> kept, String column,
      LabelGroups groups) {
    return kept.stream()
        .map(image -> groups.labelOf(image.candidate().metadata().get(column)))
        .toList();
  }

  private static Map<String, Integer> syntheticByLabel(List<String> labels,
      List<Smote.Synthetic> synthetic) {
    if (labels == null) {
      return Map.of();
    }
    return countByLabel(synthetic.stream().map(image -> labels.get(image.base())).toList());
  }

  private static Result write(SparkSession spark, Prepared prepared, Options options,
      long started) {
    String rejectedOutput = RejectedTable.outputFor(options.output());
    OutputFolder.resolve(options.output(), spark.sparkContext().hadoopConfiguration())
        .checkAbsent();
    List<Rejection> rejections = prepared.ingestion().tally().rejections();
    RejectedTable.writeAtomically(spark, rejections, rejectedOutput);
    writeImagesOrRemoveRejected(
        spark, prepared, options.size(), options.output(), rejectedOutput);

    ImageSelection selection = prepared.selection();
    Result result = new Result(selection.rows(), selection.filteredOut(),
        selection.candidates().size(), prepared.ingestion().tally().countsByReason(),
        prepared.real().size(), prepared.synthetic().size(), rejectedOutput);
    LOG.info("Prepared the image table from image files images={} real={} synthetic={}"
            + " rejected={} output={} rejectedOutput={} elapsedMs={}",
        result.real() + result.synthetic(), result.real(), result.synthetic(),
        rejections.size(), options.output(), rejectedOutput,
        (System.nanoTime() - started) / 1_000_000);

    return result;
  }

  private static void writeImagesOrRemoveRejected(SparkSession spark, Prepared prepared,
      int size, String output, String rejectedOutput) {
    List<Row> rows = new ArrayList<>(prepared.real());
    rows.addAll(prepared.synthetic());
    Dataset<Row> images = ImageFileRows.dataset(spark, rows, size * size);
    boolean written = false;
    try {
      ImageTable.writeAtomically(spark, images, output);
      written = true;
    } finally {
      if (!written) {
        OutputFolder rejected =
            OutputFolder.resolve(rejectedOutput, spark.sparkContext().hadoopConfiguration());
        rejected.deleteQuietly(rejected.path());
      }
    }
  }
}
