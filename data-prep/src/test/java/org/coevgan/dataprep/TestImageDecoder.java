package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestImageDecoder {
  private static final int SIZE = 28;
  private static final float JPEG_TOLERANCE = 4 / 127.5f;

  @TempDir
  Path folder;

  @Test
  void decodesEightBitGreyPngExactly() {
    byte[] png = ImageFiles.encode(ImageFiles.greyRamp(SIZE, SIZE), "png");
    Path file = ImageFiles.write(folder.resolve("grey.png"), png);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    assertEquals(List.of(0, 8), List.of(ImageFiles.pngColourType(png),
        ImageFiles.pngBitDepth(png)));
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float expected = ImageTable.normalisedPixel(ImageFiles.greyRampLevel(x, y));
        assertEquals(expected, pixels[y * SIZE + x], "pixel (" + x + ", " + y + ")");
      }
    }
  }

  @Test
  void keepsSixteenBitPrecisionUntilNormalisation() {
    byte[] png = ImageFiles.encode(ImageFiles.sixteenBitRamp(SIZE, SIZE), "png");
    Path file = ImageFiles.write(folder.resolve("grey16.png"), png);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    assertEquals(List.of(0, 16), List.of(ImageFiles.pngColourType(png),
        ImageFiles.pngBitDepth(png)));
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float expected = (float) (2.0 * ImageFiles.sixteenBitLevel(x, y) / 65535 - 1.0);
        assertEquals(expected, pixels[y * SIZE + x], "pixel (" + x + ", " + y + ")");
      }
    }
    assertEquals(-1.0f, pixels[0]);
    assertNotEquals(pixels[0], pixels[1]);
    assertEquals(-0.99996948f, pixels[1], 1e-8f);
  }

  @Test
  void convertsRgbPngWithBt601Luma() {
    BufferedImage image = ImageFiles.colourful(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Path file = ImageFiles.png(folder, "rgb.png", image);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    assertLumaOfColours(pixels, 3);
  }

  @Test
  void ignoresAlphaOfRgbaPng() {
    BufferedImage image = ImageFiles.colourful(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    byte[] png = ImageFiles.encode(image, "png");
    Path file = ImageFiles.write(folder.resolve("rgba.png"), png);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    assertEquals(6, ImageFiles.pngColourType(png));
    assertLumaOfColours(pixels, 4);
  }

  @Test
  void convertsPalettePngThroughItsPalette() {
    BufferedImage image = ImageFiles.palette(SIZE, SIZE);
    IndexColorModel palette = (IndexColorModel) image.getColorModel();
    byte[] png = ImageFiles.encode(image, "png");
    Path file = ImageFiles.write(folder.resolve("palette.png"), png);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    assertEquals(3, ImageFiles.pngColourType(png));
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int entry = (x + y) % 16;
        double luma = 0.299 * palette.getRed(entry) + 0.587 * palette.getGreen(entry)
            + 0.114 * palette.getBlue(entry);
        assertEquals((float) (luma / 127.5 - 1), pixels[y * SIZE + x], 1e-6f);
      }
    }
  }

  @Test
  void decodesBaselineGreyJpegWithinTolerance() {
    BufferedImage image = ImageFiles.greyRamp(SIZE, SIZE);
    Path file = ImageFiles.jpeg(folder, "grey.jpg", image, false);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float expected = ImageTable.normalisedPixel(ImageFiles.greyRampLevel(x, y));
        assertEquals(expected, pixels[y * SIZE + x], JPEG_TOLERANCE);
      }
    }
  }

  @Test
  void decodesProgressiveRgbJpegWithinTolerance() {
    BufferedImage image = uniformColour(SIZE, SIZE, 200, 100, 50);
    byte[] jpeg = ImageFiles.jpegBytes(image, true);
    Path file = ImageFiles.write(folder.resolve("progressive.jpeg"), jpeg);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    assertTrue(ImageFiles.isProgressiveJpeg(jpeg));
    float expected = (float) ((0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 127.5 - 1);
    for (float pixel : pixels) {
      assertEquals(expected, pixel, JPEG_TOLERANCE);
    }
  }

  @Test
  void decodesAdobeCmykJpegStoredInverted() {
    // Adobe stores 255 - ink: C, M, Y, K = 55, 155, 205, 35, so R = 200 * 220 / 255, and so on.
    byte[] jpeg = ImageFiles.adobeJpegBytes(SIZE, SIZE, new int[] {200, 100, 50, 220}, 0);
    Path file = ImageFiles.write(folder.resolve("cmyk.jpg"), jpeg);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    double grey = 220 / 255.0 * (0.299 * 200 + 0.587 * 100 + 0.114 * 50);
    for (float pixel : pixels) {
      assertEquals((float) (grey / 127.5 - 1), pixel, JPEG_TOLERANCE);
    }
  }

  @Test
  void decodesYcckJpegThroughTheAdobeTransform() {
    // The YCC equations turn Y, Cb, Cr = 150, 128, 128 into C = M = Y = 255 - 150 = 105 as
    // Adobe stores them, inverted: the inks are 150 and, for K, 35, so the grey is
    // (255 - 150) (255 - 35) / 255 = 90.6. The raw samples read as CMYK would give about 16.5.
    byte[] jpeg = ImageFiles.adobeJpegBytes(SIZE, SIZE, new int[] {150, 128, 128, 220}, 2);
    Path file = ImageFiles.write(folder.resolve("ycck.jpeg"), jpeg);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    for (float pixel : pixels) {
      assertEquals((float) (105 * 220 / 255.0 / 127.5 - 1), pixel, JPEG_TOLERANCE);
    }
  }

  @Test
  void shrinksByAreaAveraging() {
    Path file = ImageFiles.png(folder, "large.png", ImageFiles.greyRamp(2 * SIZE, 2 * SIZE));

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double mean = (ImageFiles.greyRampLevel(2 * x, 2 * y)
            + ImageFiles.greyRampLevel(2 * x + 1, 2 * y)
            + ImageFiles.greyRampLevel(2 * x, 2 * y + 1)
            + ImageFiles.greyRampLevel(2 * x + 1, 2 * y + 1)) / 4.0;
        assertEquals((float) (mean / 127.5 - 1), pixels[y * SIZE + x], 1e-6f);
      }
    }
  }

  @Test
  void cropsTheCentredSquareOfTheLongerSide() {
    BufferedImage wide = ImageFiles.greyRamp(SIZE + 12, SIZE);
    Path file = ImageFiles.png(folder, "wide.png", wide);

    float[] pixels = ImageDecoder.decode(file, SIZE).pixels();

    float expected = ImageTable.normalisedPixel(ImageFiles.greyRampLevel(6, 0));
    assertEquals(expected, pixels[0]);
    assertEquals(ImageTable.normalisedPixel(ImageFiles.greyRampLevel(6 + SIZE - 1, SIZE - 1)),
        pixels[SIZE * SIZE - 1]);
  }

  @Test
  void givesEqualDigestsToEqualContentOnly() {
    BufferedImage image = ImageFiles.greyRamp(SIZE, SIZE);
    Path png = ImageFiles.png(folder, "a.png", image);
    Path sameBytes = ImageFiles.png(folder, "b.png", image);
    Path other = ImageFiles.png(folder, "c.png", ImageFiles.greyRamp(SIZE + 1, SIZE));

    String first = ImageDecoder.decode(png, SIZE).contentDigest();

    assertEquals(first, ImageDecoder.decode(sameBytes, SIZE).contentDigest());
    assertNotEquals(first, ImageDecoder.decode(other, SIZE).contentDigest());
  }

  @Test
  void skipsEmptyFile() {
    Path file = ImageFiles.write(folder.resolve("empty.png"), new byte[0]);

    assertSkipped(SkipReason.EMPTY_FILE, file, "0 bytes");
  }

  @Test
  void skipsMissingFile() {
    assertSkipped(SkipReason.MISSING_FILE, folder.resolve("absent.png"), "not in the image");
  }

  @Test
  void skipsFileThatIsNotAnImage() {
    Path file = ImageFiles.write(folder.resolve("notes.png"), "hello, world".getBytes(UTF_8));

    assertSkipped(SkipReason.NOT_AN_IMAGE, file, "68 65 6C 6C 6F 2C 20 77");
  }

  @Test
  void skipsPngNamedAsJpeg() {
    Path file = ImageFiles.write(folder.resolve("really-a-png.jpg"),
        ImageFiles.encode(ImageFiles.greyRamp(SIZE, SIZE), "png"));

    assertSkipped(SkipReason.EXTENSION_MISMATCH, file, "content is PNG but the extension");
  }

  @Test
  void skipsJpegNamedAsPng() {
    Path file = ImageFiles.write(folder.resolve("really-a-jpeg.png"),
        ImageFiles.jpegBytes(ImageFiles.greyRamp(SIZE, SIZE), false));

    assertSkipped(SkipReason.EXTENSION_MISMATCH, file, "content is JPEG");
  }

  @Test
  void skipsTruncatedPng() {
    byte[] png = ImageFiles.encode(ImageFiles.colourful(64, 64, BufferedImage.TYPE_INT_RGB),
        "png");
    Path file = ImageFiles.write(folder.resolve("cut.png"),
        Arrays.copyOf(png, png.length / 2));

    assertSkipped(SkipReason.TRUNCATED, file, "before its end chunk IEND");
  }

  @Test
  void skipsTruncatedJpeg() {
    byte[] jpeg = ImageFiles.jpegBytes(ImageFiles.greyRamp(64, 64), true);
    Path file = ImageFiles.write(folder.resolve("cut.jpg"),
        Arrays.copyOf(jpeg, jpeg.length * 2 / 3));

    assertSkipped(SkipReason.TRUNCATED, file, "marker EOI");
  }

  @Test
  void skipsJpegCutShortThoughItEndsWithAnEndMarker() {
    byte[] jpeg = ImageFiles.jpegBytes(ImageFiles.colourful(64, 64,
        BufferedImage.TYPE_INT_RGB), false);
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2 + 2);
    cut[cut.length - 2] = (byte) 0xFF;
    cut[cut.length - 1] = (byte) 0xD9;
    Path file = ImageFiles.write(folder.resolve("cut-with-end.jpg"), cut);

    assertSkipped(SkipReason.TRUNCATED, file, "decoder");
  }

  @Test
  void refusesLyingHeaderWithFixedCrcBeforeDecoding() {
    byte[] png = ImageFiles.encode(ImageFiles.greyRamp(SIZE, SIZE), "png");
    Path file = ImageFiles.write(folder.resolve("huge.png"),
        ImageFiles.withLyingHeader(png, 1_000_000, 1_000_000, true));

    assertSkipped(SkipReason.TOO_LARGE, file, "claims 1000000 x 1000000 pixels");
  }

  @Test
  void refusesLyingHeaderWithStaleCrc() {
    byte[] png = ImageFiles.encode(ImageFiles.greyRamp(SIZE, SIZE), "png");
    Path file = ImageFiles.write(folder.resolve("huge-stale.png"),
        ImageFiles.withLyingHeader(png, 15_000, 15_000, false));

    assertSkipped(SkipReason.TOO_LARGE, file, "claims 15000 x 15000 pixels");
  }

  @Test
  void skipsImageSmallerThanTheOutputSize() {
    Path file = ImageFiles.png(folder, "small.png", ImageFiles.greyRamp(SIZE, SIZE - 1));

    assertSkipped(SkipReason.TOO_SMALL, file, "28 x 27 pixels");
  }

  @Test
  void skipsPngWhoseImageDataIsGarbage() {
    byte[] png = ImageFiles.encode(ImageFiles.greyRamp(SIZE, SIZE), "png");
    byte[] broken = png.clone();
    // IDAT data starts after the signature (8), IHDR (25) and the IDAT length and type (8).
    Arrays.fill(broken, 41, broken.length - 16, (byte) 0x5A);
    Path file = ImageFiles.write(folder.resolve("garbage.png"), broken);

    assertSkipped(SkipReason.UNDECODABLE, file, "decoder failed");
  }

  private static void assertLumaOfColours(float[] pixels, int bands) {
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int[] rgb = ImageFiles.colourAt(x, y, bands);
        double luma = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
        assertEquals((float) (luma / 127.5 - 1), pixels[y * SIZE + x], 1e-6f,
            "pixel (" + x + ", " + y + ")");
      }
    }
  }

  private static BufferedImage uniformColour(int width, int height, int red, int green,
      int blue) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setPixel(x, y, new int[] {red, green, blue});
      }
    }

    return image;
  }

  private static void assertSkipped(SkipReason reason, Path file, String detail) {
    SkippedImageException skipped =
        assertThrows(SkippedImageException.class, () -> ImageDecoder.decode(file, SIZE));

    assertEquals(reason, skipped.reason(), skipped::getMessage);
    assertTrue(skipped.getMessage().contains(detail), skipped::getMessage);
  }
}
