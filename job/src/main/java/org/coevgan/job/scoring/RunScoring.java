package org.coevgan.job.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.MixtureSchedule;
import org.coevgan.conf.RunConfig;
import org.coevgan.conf.ScoreKind;
import org.coevgan.job.cell.CellSettings;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.driver.RunRecord;
import org.coevgan.job.driver.SampleGrid;
import org.coevgan.job.features.FeatureNetwork;
import org.coevgan.job.features.FeatureNetworks;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.mixture.CellMixture;
import org.coevgan.job.mixture.MixtureCheckpoint;
import org.coevgan.job.mixture.MixtureStage;
import org.coevgan.job.mixture.ScoringContext;
import org.coevgan.job.model.ModelWriter;
import org.coevgan.job.model.SavedMixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The driver's side of scoring (Algorithm 1, lines 8-12): picks the feature network and the
 * real images' statistics before the first generation, optionally scores centers and takes a
 * mixture step after generations, and at the end evolves every cell's mixture, writes
 * {@code scores/}, picks the best cell for {@code run.json}, saves its mixture under
 * {@code model/} and draws {@code samples/mixture-best-cell.png}. Only scores and weights come
 * back to the driver, plus the few generators of the best mixture.
 */
public final class RunScoring {
  private static final Logger LOG = LoggerFactory.getLogger(RunScoring.class);
  private static final int GRID_SAMPLES = 64;

  private final SparkSession spark;
  private final RunConfig config;
  private final OutputFolder output;
  private final RunRecord record;
  private final ScoresTable tables;
  private CellSettings settings;
  private FeatureNetwork featureNetwork;
  private FeatureStatistics real;
  private Map<Cell, double[]> weights = new HashMap<>();

  /** Creates the scoring of a run. */
  public RunScoring(SparkSession spark, RunConfig config, OutputFolder output, RunRecord record) {
    this.spark = spark;
    this.config = config;
    this.output = output;
    this.record = record;
    this.tables = new ScoresTable(spark, output);
  }

  /** Obtains the feature network and the real statistics; fails early on bad settings. */
  public void prepare(CellSettings cellSettings, TrainingImages images) {
    settings = cellSettings;
    FeatureNetworks.Choice choice =
        FeatureNetworks.obtain(spark, config.data().path(), config.featureNetwork());
    featureNetwork = choice.network();
    record.put("feature_network", choice.location());
    record.put("feature_network_fingerprint", featureNetwork.fingerprint());
    record.put("feature_network_held_out_accuracy", choice.heldOutAccuracy());

    if (config.scoring().kind() == ScoreKind.FID) {
      checkFidSampleSize(images.realImages());
      real = RealStatistics.of(
          featureNetwork, images.realImages(), config.scoring().sampleSize());
      LOG.info("real statistics: images={} features={} fingerprint={}", real.sampleCount(),
          real.dimension(), featureNetwork.fingerprint());
    }
  }

  /** Checks before any training what {@link FrechetDistance} would refuse after it. */
  private void checkFidSampleSize(TrainingImages images) {
    long features = featureNetwork.featureSize(images.height(), images.width());
    int samples = Math.min(config.scoring().sampleSize(), images.count());
    if (samples <= features) {
      throw new IllegalArgumentException("Cannot score with FID on " + samples
          + " samples because the feature network gives " + features + " features and FID "
          + "needs more samples than features; raise scoring.sample-size above " + features
          + ", use more images or choose another feature-network.layer");
    }
  }

  /** Scores the centers and takes one mixture step when the configuration asks for them. */
  public void afterGeneration(int generation, JavaRDD<CellState> states) {
    if (config.scoring().scoresCentersAfter(generation)) {
      List<CellMixture> centers = MixtureStage.scoreCenters(states, settings, broadcast());
      tables.write(String.format(Locale.ROOT, "center-scores/generation=%d", generation),
          centers);
      LOG.info("center scores written: generation={} best={}", generation,
          best(centers).score().value());
    }
    if (config.mixture().schedule() == MixtureSchedule.EVERY_GENERATION) {
      remember(MixtureStage.evolve(states, settings, broadcast(), 1));
      MixtureCheckpoint.write(output, generation, weights);
    }
  }

  /**
   * Continues the every-generation schedule of a resumed run with the weights saved beside the
   * checkpoint's state; a checkpoint without them (its run used another schedule) starts the
   * weights equal again, with a warning.
   */
  public void resumeAfter(int generation) {
    if (config.mixture().schedule() != MixtureSchedule.EVERY_GENERATION) {
      return;
    }
    Optional<Map<Cell, double[]>> saved = MixtureCheckpoint.read(output, generation);
    if (saved.isEmpty()) {
      LOG.warn("mixture weights restart equal: generation={} has no {} (the stopped run did "
          + "not use mixture.schedule=every-generation)", generation, MixtureCheckpoint.FILE);
      return;
    }
    weights = new HashMap<>(saved.get());
    LOG.info("mixture weights resumed: generation={} cells={} path={}", generation,
        weights.size(), output.resolve(MixtureCheckpoint.pathOf(generation)));
  }

  /** Evolves, scores and saves the final mixtures of the final grid state. */
  public void finish(JavaRDD<CellState> states, int imageHeight, int imageWidth) {
    long start = System.nanoTime();
    LOG.info("evolving mixtures: steps={} score={} samples_per_score={} (each cell scores its "
        + "mixture {} times in one Spark job; no lines until it ends)", config.mixture().steps(),
        config.scoring().kind().configName(), config.scoring().sampleSize(),
        config.mixture().steps() + 1);
    spark.sparkContext().setJobDescription("CoevGAN mixtures: evolve and score every cell");
    List<CellMixture> mixtures = new ArrayList<>(
        MixtureStage.evolve(states, settings, broadcast(), config.mixture().steps()));
    mixtures.sort(Comparator.comparing(CellMixture::cell));
    tables.write("scores", mixtures);

    CellMixture best = best(mixtures);
    recordBest(best);
    SavedMixture model = ModelWriter.write(output, best, centers(states, best), settings);
    double spread = writeGrid(model, imageHeight, imageWidth);
    checkSpread(best, spread);
    LOG.info("mixtures scored: cells={} best_cell={} {}={} seconds={} model={}",
        mixtures.size(), best.cell(), best.score().kind().configName(),
        best.score().value(), (System.nanoTime() - start) / 1e9, output.resolve("model"));
  }

  private Broadcast<ScoringContext> broadcast() {
    ScoringContext context = new ScoringContext(config.scoring().kind(),
        config.scoring().sampleSize(), featureNetwork.modelBytes(),
        featureNetwork.featureLayer(), featureNetwork.fingerprint(), real, config.seed(),
        config.mixture().sigma(), new HashMap<>(weights));
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(context);
  }

  private void remember(List<CellMixture> mixtures) {
    for (CellMixture mixture : mixtures) {
      weights.put(mixture.cell(), mixture.weights());
    }
  }

  private CellMixture best(List<CellMixture> mixtures) {
    CellMixture best = mixtures.get(0);
    for (CellMixture mixture : mixtures) {
      best = mixture.score().isBetterThan(best.score()) ? mixture : best;
    }
    return best;
  }

  private void recordBest(CellMixture best) {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("cell_row", best.cell().row());
    fact.put("cell_col", best.cell().column());
    fact.put("score_kind", best.score().kind().configName());
    fact.put("score", best.score().value());
    fact.put("sample_count", best.score().sampleCount());
    fact.put("feature_network_fingerprint", best.score().featureNetworkFingerprint());
    fact.put("seed", best.score().seed());
    fact.put("mixture_weights", best.weights());
    record.put("best_cell", fact);
  }

  private static Map<Cell, IndividualState> centers(JavaRDD<CellState> states,
      CellMixture best) {
    Set<Cell> origins = Set.copyOf(best.generatorOrigins());
    Map<Cell, IndividualState> centers = new HashMap<>();
    states.filter(state -> origins.contains(state.cell()))
        .map(state -> new Tuple2<>(state.cell(), state.centerGenerator()))
        .collect()
        .forEach(pair -> centers.put(pair._1(), pair._2()));
    return centers;
  }

  /** Draws the best mixture's sample grid and returns how much its images differ. */
  private double writeGrid(SavedMixture model, int height, int width) {
    float[] pixels = model.generate(GRID_SAMPLES, config.seed());
    byte[] png = SampleGrid.render(Map.of(new Cell(0, 0), pixels), 1, 1, GRID_SAMPLES,
        height, width);
    output.writeFile("samples/mixture-best-cell.png", png);
    return SampleSpread.of(pixels, GRID_SAMPLES);
  }

  /**
   * Records the spread of the best mixture's images and warns when they are nearly identical:
   * FID and Inception Score of such images can look good (an FID of 18 for flat grey tiles has
   * been seen with a classifier trained on a hundred X-rays) while the model draws nothing.
   */
  private void checkSpread(CellMixture best, double spread) {
    record.put("best_cell_sample_spread", spread);
    if (spread < SampleSpread.NEARLY_IDENTICAL) {
      LOG.warn("the best mixture's {} sample images are nearly identical (pixel spread {} "
          + "below {}): the generators have collapsed or not learnt yet, so its {} of {} says "
          + "little; train longer or look at samples/mixture-best-cell.png", GRID_SAMPLES,
          String.format(java.util.Locale.ROOT, "%.4f", spread), SampleSpread.NEARLY_IDENTICAL,
          best.score().kind().configName(), best.score().value());
    }
  }
}
