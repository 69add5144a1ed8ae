package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.coevgan.dataprep.IdxFiles.concat;
import static org.coevgan.dataprep.IdxFiles.gzip;
import static org.coevgan.dataprep.IdxFiles.header;
import static org.coevgan.dataprep.IdxFiles.unsignedBytes;
import static org.coevgan.dataprep.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIdxReader {
  private static final int IMAGES = 0x00000803;
  private static final int LABELS = 0x00000801;
  private static final float TOLERANCE = 1e-6f;

  @TempDir
  Path folder;

  @Test
  void normalisesGreyLevelsOfPlainImages() {
    byte[] pixels = unsignedBytes(0, 255, 51, 128, 1, 2, 3, 254);
    Path file = write(folder, "images.idx", concat(header(IMAGES, 2, 2, 2), pixels));

    IdxImages images = IdxReader.readImages(file);

    assertEquals(2, images.count());
    assertEquals(2, images.height());
    assertEquals(2, images.width());
    assertEquals("images.idx", images.source());
    float[] first = images.normalisedPixels(0);
    assertEquals(-1.0f, first[0], TOLERANCE);
    assertEquals(1.0f, first[1], TOLERANCE);
    assertEquals(-0.6f, first[2], TOLERANCE);
    assertEquals(128 / 127.5f - 1, first[3], TOLERANCE);
    assertArrayEquals(unsignedBytes(1, 2, 3, 254), images.greyLevels(1));
  }

  @Test
  void detectsGzipByMagicBytesNotByName() {
    byte[] pixels = unsignedBytes(0, 255, 51, 7, 8, 9);
    byte[] content = gzip(concat(header(IMAGES, 1, 2, 3), pixels));
    Path file = write(folder, "images-without-extension", content);

    IdxImages images = IdxReader.readImages(file);

    assertEquals(1, images.count());
    assertEquals(2, images.height());
    assertEquals(3, images.width());
    assertArrayEquals(pixels, images.greyLevels(0));
    assertEquals(-0.6f, images.normalisedPixels(0)[2], TOLERANCE);
  }

  @Test
  void readsLabelsAsUnsignedInts() {
    byte[] content = concat(header(LABELS, 4), unsignedBytes(0, 9, 128, 255));
    Path plain = write(folder, "labels.idx", content);
    Path gzipped = write(folder, "labels.idx.gz", gzip(content));

    IdxLabels fromPlain = IdxReader.readLabels(plain);
    IdxLabels fromGzip = IdxReader.readLabels(gzipped);

    for (IdxLabels labels : new IdxLabels[] {fromPlain, fromGzip}) {
      assertEquals(4, labels.count());
      assertEquals(0, labels.label(0));
      assertEquals(9, labels.label(1));
      assertEquals(128, labels.label(2));
      assertEquals(255, labels.label(3));
    }
  }

  @Test
  void keepsOnlyTheFirstImagesWithinTheLimit() {
    byte[] pixels = unsignedBytes(10, 11, 20, 21, 30, 31);
    Path file = write(folder, "images.idx", concat(header(IMAGES, 3, 1, 2), pixels));

    IdxImages images = IdxReader.readImages(file, 2);

    assertEquals(2, images.count());
    assertEquals(3, images.sourceCount());
    assertArrayEquals(unsignedBytes(20, 21), images.greyLevels(1));
  }

  @Test
  void checksTheWholeFileEvenWithALimit() {
    byte[] pixels = unsignedBytes(10, 11, 20, 21, 30);
    Path file = write(folder, "short.idx", concat(header(IMAGES, 3, 1, 2), pixels));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file, 1));

    assertMessage(failure, "short.idx", "truncated", "6 bytes", "only 5 bytes");
  }

  @Test
  void rejectsLabelFileGivenAsImages() {
    Path file = write(folder, "labels-not-images.idx", concat(header(LABELS, 2), new byte[2]));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "labels-not-images.idx", "magic number 0x00000801",
        "must start with 0x00000803");
  }

  @Test
  void rejectsValueTypeOtherThanUnsignedBytes() {
    Path file = write(folder, "floats.idx", concat(header(0x00000D03, 1, 1, 1), new byte[4]));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "floats.idx", "0x00000D03", "value type 0x0D", "0x00000803");
  }

  @Test
  void rejectsWrongDimensionCount() {
    Path file = write(folder, "two-d.idx", concat(header(0x00000802, 2, 2), new byte[4]));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "two-d.idx", "0x00000802", "2 dimensions", "3 dimensions");
  }

  @Test
  void rejectsFileThatIsNotIdxAtAll() {
    Path file = write(folder, "text.idx", "hello, world, this is text".getBytes(UTF_8));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readLabels(file));

    assertMessage(failure, "text.idx", "0x68656C6C", "not an IDX header", "0x00000801");
  }

  @Test
  void rejectsNonPositiveDimension() {
    Path file = write(folder, "zero-rows.idx", header(IMAGES, 5, 0, 28));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "zero-rows.idx", "declares 0 rows", "must be positive");
  }

  @Test
  void rejectsTruncatedHeader() {
    Path file = write(folder, "cut-header.idx", unsignedBytes(0, 0, 8, 3, 0, 0, 0));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "cut-header.idx", "ends after 7 bytes", "16-byte header");
  }

  @Test
  void rejectsTruncatedData() {
    Path file = write(folder, "truncated.idx", concat(header(IMAGES, 2, 2, 2), new byte[5]));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "truncated.idx", "truncated", "2 x 2 x 2 = 8 bytes",
        "only 5 bytes follow");
  }

  @Test
  void rejectsTrailingBytes() {
    Path file = write(folder, "trailing.idx", concat(header(LABELS, 3), new byte[5]));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readLabels(file));

    assertMessage(failure, "trailing.idx", "2 trailing bytes", "3 bytes of data");
  }

  @Test
  void failsFastOnHeaderClaimingTwoBillionImagesInAHundredBytes() {
    byte[] content = concat(header(IMAGES, 2_000_000_000, 1, 1), new byte[84]);
    Path plain = write(folder, "liar.idx", content);
    Path gzipped = write(folder, "liar.idx.gz", gzip(content));

    BadInputException fromPlain = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(BadInputException.class, () -> IdxReader.readImages(plain)));
    BadInputException fromGzip = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(BadInputException.class, () -> IdxReader.readImages(gzipped)));

    assertMessage(fromPlain, "liar.idx", "truncated", "2000000000 x 1 x 1 = 2000000000 bytes",
        "only 84 bytes follow");
    assertMessage(fromGzip, "liar.idx.gz", "truncated", "only 84 bytes follow");
  }

  @Test
  void rejectsHeaderDeclaringMoreThanTheSizeCap() {
    byte[] content = concat(header(IMAGES, 2_000_000_000, 28, 28), new byte[84]);
    Path file = write(folder, "huge.idx", content);

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "huge.idx", "2000000000 x 28 x 28", "more than the 2147483639 bytes");
  }

  @Test
  void rejectsGarbageAfterGzipMagic() {
    byte[] content = concat(unsignedBytes(0x1f, 0x8b), "not compressed at all".getBytes(UTF_8));
    Path file = write(folder, "fake.gz", content);

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "fake.gz", "gzip magic bytes", "not a valid gzip stream");
  }

  @Test
  void rejectsGzipStreamCutShort() {
    byte[] whole = gzip(concat(header(IMAGES, 50, 28, 28), new byte[50 * 28 * 28]));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    Path file = write(folder, "cut.idx.gz", cut);

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "cut.idx.gz", "not a valid gzip stream", "truncated");
  }

  @Test
  void rejectsMissingFile() {
    Path file = folder.resolve("missing.idx");

    BadInputException failure =
        assertThrows(BadInputException.class, () -> IdxReader.readImages(file));

    assertMessage(failure, "missing.idx", "does not exist");
  }

  @Test
  void rejectsImageAndLabelCountsThatDisagree() {
    Path imageFile = write(folder, "three-images.idx",
        concat(header(IMAGES, 3, 1, 1), new byte[3]));
    Path labelFile = write(folder, "two-labels.idx", concat(header(LABELS, 2), new byte[2]));
    IdxImages images = IdxReader.readImages(imageFile);
    IdxLabels labels = IdxReader.readLabels(labelFile);

    BadInputException failure = assertThrows(BadInputException.class,
        () -> IdxReader.checkSameCount(images, labels));

    assertMessage(failure, "three-images.idx", "holds 3 images", "two-labels.idx",
        "holds 2 labels");
  }

  @Test
  void rejectsLimitBelowOne() {
    Path file = write(folder, "labels.idx", concat(header(LABELS, 1), new byte[1]));

    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(file, 0));

    assertMessage(failure, "limit 0", "at least 1");
  }

  private static void assertMessage(Exception failure, String... parts) {
    for (String part : parts) {
      assertTrue(failure.getMessage().contains(part),
          () -> "Expected '" + part + "' in message: " + failure.getMessage());
    }
  }
}
