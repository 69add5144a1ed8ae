package org.coevgan.job.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results: one row per figure with its value, unit, target and whether the
 * target is met, printed as a table and written as {@code bench-results.csv}.
 */
public final class BenchmarkTable {
  /** One measured figure; target is empty and met is "n/a" when the figure has no target. */
  public record Figure(String name, double value, String unit, String target, String met) {}

  private final List<Figure> figures = new ArrayList<>();

  /** Adds a figure without a target. */
  public void add(String name, double value, String unit) {
    figures.add(new Figure(name, value, unit, "", "n/a"));
  }

  /** Adds a figure that must stay below a bound. */
  public void addAtMost(String name, double value, String unit, double bound) {
    figures.add(new Figure(name, value, unit, "<= " + format(bound), yesNo(value <= bound)));
  }

  /** Adds a figure that must reach a bound. */
  public void addAtLeast(String name, double value, String unit, double bound) {
    figures.add(new Figure(name, value, unit, ">= " + format(bound), yesNo(value >= bound)));
  }

  /** Returns the figures added so far. */
  public List<Figure> figures() {
    return List.copyOf(figures);
  }

  /** Returns the table as aligned text. */
  public String render() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%-44s %14s %-8s %-12s %s%n", "figure", "value", "unit", "target", "met"));
    for (Figure figure : figures) {
      text.append(String.format(Locale.ROOT, "%-44s %14s %-8s %-12s %s%n", figure.name(),
          format(figure.value()), figure.unit(), figure.target(), figure.met()));
    }
    return text.toString();
  }

  /**
   * Writes bench-results.csv into the folder, creating it if needed: into a temporary file first,
   * then moved into place, so a reader never sees half a table.
   */
  public Path writeCsv(Path folder) {
    StringBuilder csv = new StringBuilder("figure,value,unit,target,met\n");
    for (Figure figure : figures) {
      csv.append(String.join(",", figure.name(), format(figure.value()), figure.unit(),
          figure.target(), figure.met())).append('\n');
    }
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve("bench-results.csv");
      // Not Files.createTempFile: its file is readable by its owner only, and the move keeps that.
      Path partial = folder.resolve(".bench-results.csv.tmp-" + java.util.UUID.randomUUID());
      try {
        Files.writeString(partial, csv.toString(), StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write bench-results.csv into " + folder, e);
    }
  }

  private static String yesNo(boolean met) {
    return met ? "yes" : "no";
  }

  private static String format(double value) {
    return Math.abs(value) >= 1000 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.4g", value);
  }
}
