package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a CSV file read by {@link CsvReader}: its column names and its records, each record
 * with the line it starts on and exactly one field per column. Instances are immutable.
 */
record CsvTable(Path file, List<String> columns, List<Record> records) {
  /** Holds one record: the physical line it starts on (from 1) and its fields as written. */
  record Record(int line, List<String> fields) {
    Record {
      fields = List.copyOf(fields);
    }
  }

  CsvTable {
    requireNonNull(file, "file");
    columns = List.copyOf(columns);
    records = List.copyOf(records);
  }

  /** Returns the position of {@code column}, or -1 when the header does not name it. */
  int indexOf(String column) {
    return columns.indexOf(column);
  }

  /** Returns one record as a map from column name to trimmed value, in header order. */
  Map<String, String> valuesOf(Record record) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int index = 0; index < columns.size(); index++) {
      values.put(columns.get(index), record.fields().get(index).trim());
    }

    return values;
  }
}
