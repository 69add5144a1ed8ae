package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the metadata rows whose value in one column is one of a list of values, as given by
 * {@code --filter column=value[,value...]}.
 *
 * <p>Values are compared exactly, case included, after trimming both sides, so
 * {@code view=PA,AP Supine} keeps "PA" and " AP Supine " but not "pa" or "AP". Several filters
 * combine with AND (see {@link PrepareImages}); the values of one filter combine with OR. A
 * value cannot itself contain a comma.
 *
 * @param column the metadata column to compare, trimmed
 * @param values the accepted values, trimmed, at least one
 */
public record MetadataFilter(String column, Set<String> values) {
  /** Checks that the column is named and that at least one non-empty value is accepted. */
  public MetadataFilter {
    requireNonNull(column, "column");
    values = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(values, "values")));
    if (column.isBlank() || values.isEmpty() || values.contains("")) {
      throw new IllegalArgumentException(
          "Cannot filter on column '" + column + "' with values " + values + " because the"
              + " column must be named and every value non-empty; write"
              + " --filter column=value[,value...]");
    }
  }

  /**
   * Returns the filter written as {@code column=value[,value...]}.
   *
   * @throws IllegalArgumentException if there is no '=', or the column or a value is empty
   */
  public static MetadataFilter parse(String text) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException(
          "Cannot read --filter '" + text + "' because it has no '='; write"
              + " --filter column=value[,value...], for example --filter view=PA,AP");
    }

    List<String> values = Arrays.stream(text.substring(equals + 1).split(",", -1))
        .map(String::trim)
        .toList();

    return new MetadataFilter(text.substring(0, equals).trim(), new LinkedHashSet<>(values));
  }

  /** Returns the filter as the command line writes it, such as {@code view=PA,AP}. */
  @Override
  public String toString() {
    return column + "=" + String.join(",", values);
  }

  /** Returns whether the row's trimmed value in this filter's column is an accepted value. */
  public boolean accepts(Map<String, String> row) {
    String value = row.get(column);

    return value != null && values.contains(value.trim());
  }
}
