package org.coevgan.job.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads CoevGanBenchmark's --figures and --grids; a bad value is refused with a message. */
public final class BenchmarkArguments {
  private BenchmarkArguments() {}

  /** Returns the named figure groups, each once; fails naming an unknown one. */
  public static Set<String> figures(String figures) {
    Set<String> chosen = new LinkedHashSet<>(List.of(figures.split(",")));
    for (String figure : chosen) {
      if (!Benchmark.FIGURES.contains(figure)) {
        throw new IllegalArgumentException("unknown figure '" + figure + "' in --figures; known: "
            + String.join(",", Benchmark.FIGURES));
      }
    }
    return chosen;
  }

  /**
   * Returns the sides of the square grids, smallest first and each once, so that the growth
   * figures compare the smallest grid with the largest whatever order they were given in.
   */
  public static List<Integer> gridSides(String grids) {
    Set<Integer> sides = new TreeSet<>();
    for (String text : grids.split(",", -1)) {
      sides.add(gridSide(grids, text));
    }
    return List.copyOf(sides);
  }

  private static int gridSide(String grids, String text) {
    int side;
    try {
      side = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--grids " + grids + ": '" + text + "' is not a whole number");
    }
    if (side < 1) {
      throw new IllegalArgumentException(
          "--grids " + grids + ": a grid side must be 1 or more, not " + side);
    }
    return side;
  }
}
