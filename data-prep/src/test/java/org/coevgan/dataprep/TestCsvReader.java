package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCsvReader {
  private static final Path FILE = Path.of("metadata.csv");

  @TempDir
  Path folder;

  @Test
  void readsHeaderAndPlainRecords() {
    String text = "patientid,finding,filename\n1,COVID-19,a.png\n2,SARS,b.jpg\n";

    CsvTable table = CsvReader.parse(FILE, text);

    assertEquals(List.of("patientid", "finding", "filename"), table.columns());
    assertEquals(2, table.records().size());
    assertEquals(List.of("2", "SARS", "b.jpg"), table.records().get(1).fields());
    assertEquals(3, table.records().get(1).line());
  }

  @Test
  void keepsCommasQuotesAndLineBreaksInsideQuotedFields() {
    String text = "id,notes,filename\r\n"
        + "1,\"left lung, lower lobe\",a.png\r\n"
        + "2,\"said \"\"severe\"\"\",b.png\r\n"
        + "3,\"two\r\nlines\nhere\",c.png\r\n"
        + "4,\"\",d.png";

    CsvTable table = CsvReader.parse(FILE, text);

    assertEquals("left lung, lower lobe", table.records().get(0).fields().get(1));
    assertEquals("said \"severe\"", table.records().get(1).fields().get(1));
    assertEquals("two\r\nlines\nhere", table.records().get(2).fields().get(1));
    assertEquals("", table.records().get(3).fields().get(1));
    assertEquals(List.of(2, 3, 4, 7), table.records().stream().map(CsvTable.Record::line)
        .toList());
  }

  @Test
  void skipsByteOrderMarkAndEmptyLinesAndTrimsHeaderNames() {
    String text = "\uFEFF id , filename \n\n1,a.png\n\n";

    CsvTable table = CsvReader.parse(FILE, text);

    assertEquals(List.of("id", "filename"), table.columns());
    assertEquals(1, table.records().size());
    assertEquals(Map.of("id", "1", "filename", "a.png"),
        table.valuesOf(table.records().get(0)));
  }

  @Test
  void keepsEmptyTrailingField() {
    String text = "a,b,license\n1,2,\n";

    CsvTable table = CsvReader.parse(FILE, text);

    assertEquals(List.of("1", "2", ""), table.records().get(0).fields());
  }

  @Test
  void refusesRecordWithWrongFieldCountNamingTheLine() {
    String text = "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5,6,7\n";

    BadInputException failure =
        assertThrows(BadInputException.class, () -> CsvReader.parse(FILE, text));

    assertMessageContains(failure, "metadata.csv", "record on line 5 has 4 fields but the"
        + " header has 3");
  }

  @Test
  void refusesQuoteLeftOpenNamingWhereItOpened() {
    String text = "a,b\n1,2\n3,\"never closed\n4,5\n";

    BadInputException failure =
        assertThrows(BadInputException.class, () -> CsvReader.parse(FILE, text));

    assertMessageContains(failure, "quote opened on line 3", "never closed");
  }

  @Test
  void refusesTextAfterClosingQuote() {
    String text = "a,b\n\"1\"x,2\n";

    BadInputException failure =
        assertThrows(BadInputException.class, () -> CsvReader.parse(FILE, text));

    assertMessageContains(failure, "opened on line 2 is followed by 'x'");
  }

  @Test
  void refusesRepeatedOrEmptyHeaderNames() {
    BadInputException repeated =
        assertThrows(BadInputException.class, () -> CsvReader.parse(FILE, "a,b,a\n1,2,3\n"));
    BadInputException empty =
        assertThrows(BadInputException.class, () -> CsvReader.parse(FILE, "a,,c\n1,2,3\n"));

    assertMessageContains(repeated, "column 'a' twice");
    assertMessageContains(empty, "an empty column name");
  }

  @Test
  void refusesEmptyFileAndBytesThatAreNotUtf8() throws IOException {
    Path empty = Files.writeString(folder.resolve("empty.csv"), "", UTF_8);
    Path latin1 = Files.write(folder.resolve("latin1.csv"),
        new byte[] {'a', '\n', (byte) 0xE9, '\n'});

    BadInputException emptyFailure =
        assertThrows(BadInputException.class, () -> CsvReader.read(empty));
    BadInputException latin1Failure =
        assertThrows(BadInputException.class, () -> CsvReader.read(latin1));

    assertMessageContains(emptyFailure, "empty.csv", "needs a header row");
    assertMessageContains(latin1Failure, "latin1.csv", "not valid UTF-8");
  }

  @Test
  void refusesMissingFileNamingTheOption() {
    Path missing = folder.resolve("missing.csv");

    BadInputException failure =
        assertThrows(BadInputException.class, () -> CsvReader.read(missing));

    assertMessageContains(failure, "missing.csv", "--metadata");
  }

  private static void assertMessageContains(Exception failure, String... parts) {
    for (String part : parts) {
      assertTrue(failure.getMessage().contains(part), failure::getMessage);
    }
  }
}
