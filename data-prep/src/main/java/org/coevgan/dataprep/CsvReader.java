package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a UTF-8 CSV file as RFC 4180 defines it: a header row, then records of fields separated
 * by commas and ended by CRLF or LF.
 *
 * <p>A field in double quotes may hold commas, line breaks and quotes written twice
 * ({@code "say ""hi"""} reads as {@code say "hi"}). A quote inside an unquoted field is kept as
 * written, as most spreadsheets do. Empty lines are skipped, and so is a byte order mark at the
 * start. Header names are trimmed; field values are kept as written.
 *
 * <p>Failures raise {@link BadInputException} naming the file and the line: a record whose field
 * count differs from the header's, a quote left open at the end of the file, text between a
 * closing quote and the next comma, an empty or repeated header name, or bytes that are not
 * UTF-8. The line is the physical line on which the record starts, counting from 1.
 */
final class CsvReader {
  private static final char QUOTE = '"';
  private static final char COMMA = ',';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Path file;
  private final String text;
  private int position;
  private int line = 1;

  private CsvReader(Path file, String text) {
    this.file = file;
    this.text = text;
    this.position = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
  }

  /** Returns the table in {@code file}, checked as the class comment describes. */
  static CsvTable read(Path file) {
    requireNonNull(file, "file");

    return parse(file, decode(file, readBytes(file)));
  }

  /** Returns the table in {@code text}, naming {@code file} in any failure. */
  static CsvTable parse(Path file, String text) {
    CsvReader reader = new CsvReader(file, text);
    CsvTable.Record header = reader.nextRecord();
    if (header == null) {
      throw new BadInputException(
          "Cannot read the metadata CSV " + file + " because it is empty; it needs a header row"
              + " naming its columns");
    }

    List<String> columns = reader.checkedHeader(header);
    List<CsvTable.Record> records = new ArrayList<>();
    for (CsvTable.Record record = reader.nextRecord(); record != null;
        record = reader.nextRecord()) {
      reader.checkFieldCount(record, columns.size());
      records.add(record);
    }

    return new CsvTable(file, columns, records);
  }

  private static byte[] readBytes(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          "Cannot read the metadata CSV " + file + " because it does not exist or is not a file;"
              + " fix --metadata");
    }

    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the metadata CSV " + file + " because the file system failed (" + e
              + "); check that the file is readable",
          e);
    }
  }

  private static String decode(Path file, byte[] bytes) {
    try {
      return UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(
          "Cannot read the metadata CSV " + file + " because it is not valid UTF-8 (" + e
              + "); save it as UTF-8",
          e);
    }
  }

  private List<String> checkedHeader(CsvTable.Record header) {
    List<String> columns = header.fields().stream().map(String::trim).toList();
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      if (column.isEmpty() || !seen.add(column)) {
        throw new BadInputException(
            "Cannot read the metadata CSV " + file + " because its header on line "
                + header.line() + " has " + (column.isEmpty() ? "an empty column name" : "the"
                + " column '" + column + "' twice") + "; give every column one unique name");
      }
    }

    return columns;
  }

  private void checkFieldCount(CsvTable.Record record, int expected) {
    if (record.fields().size() != expected) {
      throw new BadInputException(
          "Cannot read the metadata CSV " + file + " because the record on line "
              + record.line() + " has " + record.fields().size() + " fields but the header has "
              + expected + "; quote fields that contain commas or fix the record");
    }
  }

  /** Returns the next non-empty record, or null at the end of the text. */
  private CsvTable.Record nextRecord() {
    skipEmptyLines();
    if (position >= text.length()) {
      return null;
    }

    int startLine = line;
    List<String> fields = new ArrayList<>();
    boolean more = true;
    while (more) {
      fields.add(nextField(startLine));
      more = position < text.length() && text.charAt(position) == COMMA;
      position += more ? 1 : 0;
    }

    skipLineBreak();

    return new CsvTable.Record(startLine, fields);
  }

  private String nextField(int recordLine) {
    if (position < text.length() && text.charAt(position) == QUOTE) {
      return quotedField(recordLine);
    }

    int start = position;
    while (position < text.length() && !endsField(text.charAt(position))) {
      position++;
    }

    return text.substring(start, position);
  }

  private String quotedField(int recordLine) {
    int openingLine = line;
    StringBuilder value = new StringBuilder();
    position++;
    while (true) {
      if (position >= text.length()) {
        throw new BadInputException(
            "Cannot read the metadata CSV " + file + " because the quote opened on line "
                + openingLine + " (record on line " + recordLine + ") is never closed; close"
                + " it or double the quotes inside it");
      }

      char c = text.charAt(position++);
      if (c == QUOTE && position < text.length() && text.charAt(position) == QUOTE) {
        value.append(QUOTE);
        position++;
      } else if (c == QUOTE) {
        checkFieldEnd(openingLine);
        return value.toString();
      } else {
        line += c == '\n' ? 1 : 0;
        value.append(c);
      }
    }
  }

  private void checkFieldEnd(int openingLine) {
    if (position < text.length() && !endsField(text.charAt(position))) {
      throw new BadInputException(
          "Cannot read the metadata CSV " + file + " because the quoted field opened on line "
              + openingLine + " is followed by '" + text.charAt(position) + "' instead of a"
              + " comma or line break; put the whole field in quotes");
    }
  }

  private static boolean endsField(char c) {
    return c == COMMA || c == '\n' || c == '\r';
  }

  private void skipEmptyLines() {
    while (position < text.length() && isLineBreakAt(position)) {
      skipLineBreak();
    }
  }

  private boolean isLineBreakAt(int index) {
    char c = text.charAt(index);

    return c == '\n' || c == '\r';
  }

  private void skipLineBreak() {
    if (position < text.length() && text.charAt(position) == '\r') {
      position++;
    }

    if (position < text.length() && text.charAt(position) == '\n') {
      position++;
      line++;
    }
  }
}
