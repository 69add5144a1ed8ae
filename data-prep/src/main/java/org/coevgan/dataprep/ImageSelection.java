package org.coevgan.dataprep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Selects the image files to ingest: the rows of the metadata CSV that pass every filter, or,
 * without metadata, every visible file of the image folder in name order.
 *
 * <p>Filters combine with AND: a row is kept when each filter accepts it. A row left out is
 * counted under the first filter (in command-line order) that refuses it. The file column names
 * a file relative to the image folder; a name that leads outside the folder is kept here and
 * skipped later as a missing file, so that it is counted with the other bad rows.
 *
 * @param candidates the selected files, in metadata or name order
 * @param rows how many metadata rows or folder files were looked at
 * @param filteredOut the rows left out, per refusing filter column
 */
record ImageSelection(List<Candidate> candidates, int rows, Map<String, Integer> filteredOut) {
  /**
   * Holds one selected image file.
   *
   * @param file the file name as the metadata or the folder gives it
   * @param path the resolved path, possibly missing or outside the folder; null when the name
   *     is not a valid path
   * @param line the metadata CSV line of its row, or null without metadata
   * @param metadata the row, column to trimmed value, or null without metadata
   */
  record Candidate(String file, Path path, Integer line, Map<String, String> metadata) {
    /** Returns whether the resolved path stays inside {@code folder}. */
    boolean isInside(Path folder) {
      return path != null && !file.isBlank()
          && path.normalize().startsWith(folder.normalize());
    }
  }

  /** Returns the selection the options ask for. */
  static ImageSelection select(PrepareImages.Options options) {
    checkFolder(options.images());
    if (options.metadata().isEmpty()) {
      return everyFile(options.images());
    }

    CsvTable table = CsvReader.read(options.metadata().get());
    checkColumns(table, options);

    return filtered(table, options);
  }

  private static void checkFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(
          "Cannot read the image folder " + folder + " because it does not exist or is not a"
              + " folder; fix --images");
    }
  }

  private static void checkColumns(CsvTable table, PrepareImages.Options options) {
    List<String> needed = new ArrayList<>();
    needed.add(options.fileColumn());
    options.labelColumn().ifPresent(needed::add);
    options.filters().forEach(filter -> needed.add(filter.column()));
    for (String column : needed) {
      if (table.indexOf(column) < 0) {
        throw new IllegalArgumentException(
            "Cannot select images by column '" + column + "' because the metadata CSV "
                + table.file() + " has only the columns " + table.columns() + "; fix --filter,"
                + " --file-column or --label-column");
      }
    }
  }

  private static ImageSelection filtered(CsvTable table, PrepareImages.Options options) {
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Integer> filteredOut = new LinkedHashMap<>();
    for (CsvTable.Record record : table.records()) {
      Map<String, String> row = table.valuesOf(record);
      Optional<MetadataFilter> refusing =
          options.filters().stream().filter(filter -> !filter.accepts(row)).findFirst();
      if (refusing.isPresent()) {
        filteredOut.merge(refusing.get().column(), 1, Integer::sum);
      } else {
        String file = row.get(options.fileColumn());
        candidates.add(new Candidate(file, resolve(options.images(), file), record.line(), row));
      }
    }

    if (candidates.isEmpty() && !options.filters().isEmpty()) {
      throw new BadInputException(noRowSelected(table, options.filters()));
    }
    return new ImageSelection(candidates, table.records().size(), filteredOut);
  }

  /**
   * Explains an empty selection: which filter matches no row at all, with the values its column
   * holds (filters compare exactly, so "covid-19" misses "COVID-19").
   */
  private static String noRowSelected(CsvTable table, List<MetadataFilter> filters) {
    StringBuilder message = new StringBuilder("Cannot select any image: no row of ")
        .append(table.file()).append(" passes every --filter (values compare exactly, case "
            + "included)");
    for (MetadataFilter filter : filters) {
      java.util.SortedSet<String> values = new java.util.TreeSet<>();
      table.records().forEach(record -> {
        String value = table.valuesOf(record).get(filter.column());
        values.add(value == null ? "" : value.trim());
      });
      boolean matchesSome = table.records().stream()
          .anyMatch(record -> filter.accepts(table.valuesOf(record)));
      if (!matchesSome) {
        message.append("; --filter ").append(filter).append(" matches no row, the column holds ")
            .append(values.size() <= 12 ? values : List.copyOf(values).subList(0, 12) + "...");
      }
    }
    return message.append("; fix the values or relax the filters").toString();
  }

  private static Path resolve(Path folder, String file) {
    try {
      return folder.resolve(file);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static ImageSelection everyFile(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      List<Candidate> candidates = children
          .filter(Files::isRegularFile)
          .map(path -> path.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .map(name -> new Candidate(name, folder.resolve(name), null, null))
          .toList();

      return new ImageSelection(candidates, candidates.size(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list the image folder " + folder + " because the file system failed (" + e
              + "); check that it is readable",
          e);
    }
  }
}
