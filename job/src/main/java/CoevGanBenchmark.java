import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coevgan.job.ExitStatus;
import org.coevgan.job.bench.Benchmark;
import org.coevgan.job.bench.BenchmarkTable;

/**
 * Runs CoevGAN's benchmarks and writes bench-results.csv:
 * {@code submit/run-local.sh CoevGanBenchmark --output DIR [--figures step,threads,features,
 * state,orchestration] [--grids 3,6,12,18] [--data target/data/mnist-test]}.
 */
public final class CoevGanBenchmark {
  private CoevGanBenchmark() {}

  /** Parses the arguments, runs the figures and prints the table. */
  public static void main(String[] args) throws Exception {
    String output = null;
    String figures = String.join(",", Benchmark.FIGURES);
    String grids = "3,6,12,18";
    String data = "target/data/mnist-test";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--output" -> output = args[i + 1];
        case "--figures" -> figures = args[i + 1];
        case "--grids" -> grids = args[i + 1];
        case "--data" -> data = args[i + 1];
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (output == null || args.length % 2 != 0) {
      usage("--output is required");
    }

    Set<String> chosen = Set.of(figures.split(","));
    for (String figure : chosen) {
      if (!Benchmark.FIGURES.contains(figure)) {
        usage("unknown figure '" + figure + "' in --figures; known: "
            + String.join(",", Benchmark.FIGURES));
      }
    }
    List<Integer> sides = gridSides(grids);
    try {
      BenchmarkTable table = new Benchmark(Path.of(output)).run(chosen, data, sides);
      System.out.print(table.render());
    } catch (IllegalArgumentException badInput) {
      System.err.println("CoevGanBenchmark: " + badInput.getMessage());
      System.exit(ExitStatus.BAD_INPUT.code());
    }
  }

  /** Parses --grids: sides of square grids, each a whole number of at least 1. */
  private static List<Integer> gridSides(String grids) {
    List<Integer> sides = new ArrayList<>();
    for (String text : grids.split(",")) {
      int side = 0;
      try {
        side = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        usage("--grids " + grids + ": '" + text + "' is not a whole number");
      }
      if (side < 1) {
        usage("--grids " + grids + ": a grid side must be 1 or more, not " + side);
      }
      sides.add(side);
    }
    return sides;
  }

  private static void usage(String problem) {
    System.err.println("CoevGanBenchmark: " + problem);
    System.err.println("usage: CoevGanBenchmark --output DIR [--figures "
        + String.join(",", Benchmark.FIGURES) + "] [--grids 3,6,12,18] [--data IMAGE_TABLE]");
    System.exit(ExitStatus.USAGE.code());
  }
}
