package org.coevgan.job.network;

/**
 * The loss a generator minimises while it trains, as a function of the probability p = D(G(z))
 * that a discriminator assigns to one of its images.
 *
 * <p>Discriminators always end in a sigmoid unit trained with binary cross-entropy. To push any
 * of these objectives through that unit we hand DL4J a per-image "soft label" y chosen so that
 * the cross-entropy gradient with respect to the sigmoid's input, p - y, equals the gradient of
 * our objective, l'(p) * p * (1 - p). Solving gives y = p - l'(p) * p * (1 - p). Worked example
 * for {@link #NON_SATURATING} at p = 0.2: l'(p) = -1 / 0.2 = -5, so y = 0.2 + 5 * 0.16 = 1, the
 * ordinary "real" label, as expected.
 */
public enum GeneratorObjective {
  /** Minimax term of the original GAN game: l(p) = log(1 - p); config name {@code bce}. */
  MINIMAX("bce") {
    @Override
    public double loss(double p) {
      return Math.log(Math.max(1.0 - p, PROBABILITY_FLOOR));
    }

    @Override
    public double softLabel(double p) {
      return 2.0 * p;
    }
  },

  /** Least squares: l(p) = (p - 1)^2; config name {@code mse}. */
  LEAST_SQUARES("mse") {
    @Override
    public double loss(double p) {
      return (p - 1.0) * (p - 1.0);
    }

    @Override
    public double softLabel(double p) {
      return p + 2.0 * p * (1.0 - p) * (1.0 - p);
    }
  },

  /** Non-saturating heuristic: l(p) = -log(p); config name {@code heuristic}. */
  NON_SATURATING("heuristic") {
    @Override
    public double loss(double p) {
      return -Math.log(Math.max(p, PROBABILITY_FLOOR));
    }

    @Override
    public double softLabel(double p) {
      return 1.0;
    }
  };

  private static final double PROBABILITY_FLOOR = 1e-7;

  private final String configName;

  GeneratorObjective(String configName) {
    this.configName = configName;
  }

  /** Returns the loss of one image the discriminator scored p. */
  public abstract double loss(double p);

  /** Returns the label that makes cross-entropy's gradient equal this objective's. */
  public abstract double softLabel(double p);

  /** Returns the name used for this objective in configuration files and Parquet. */
  public String configName() {
    return configName;
  }

  /** Returns the objective with the given config name. */
  public static GeneratorObjective fromConfigName(String name) {
    for (GeneratorObjective objective : values()) {
      if (objective.configName.equals(name)) {
        return objective;
      }
    }
    throw new IllegalArgumentException(
        "Cannot train a generator with loss '" + name + "': expected bce, mse or heuristic");
  }
}
