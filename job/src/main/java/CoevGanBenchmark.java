import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.coevgan.job.ExitStatus;
import org.coevgan.job.bench.Benchmark;
import org.coevgan.job.bench.BenchmarkArguments;
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
    if (args.length % 2 != 0) {
      usage(args[args.length - 1] + " needs a value");
    }
    if (output == null) {
      usage("--output is required");
    }

    Set<String> chosen = Set.of();
    List<Integer> sides = List.of();
    try {
      chosen = BenchmarkArguments.figures(figures);
      sides = BenchmarkArguments.gridSides(grids);
    } catch (IllegalArgumentException badArgument) {
      usage(badArgument.getMessage());
    }
    try {
      BenchmarkTable table = new Benchmark(Path.of(output)).run(chosen, data, sides);
      System.out.print(table.render());
    } catch (IllegalArgumentException badInput) {
      System.err.println("CoevGanBenchmark: " + badInput.getMessage());
      System.exit(ExitStatus.BAD_INPUT.code());
    }
  }

  private static void usage(String problem) {
    System.err.println("CoevGanBenchmark: " + problem);
    System.err.println("usage: CoevGanBenchmark --output DIR [--figures "
        + String.join(",", Benchmark.FIGURES) + "] [--grids 3,6,12,18] [--data IMAGE_TABLE]");
    System.exit(ExitStatus.USAGE.code());
  }
}
