package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures with embedded ICC profiles, built by the tests: a profile that changes colours is
 * applied (linear grey level 128 is sRGB level 187.8), one that does not (sRGB) or cannot be
 * read leaves the samples as stored.
 */
class TestEmbeddedProfile {
  private static final int SIDE = 16;
  /** Level 128 of linear grey, encoded in sRGB: 255 * 0.7354. */
  private static final double LINEAR_128_IN_SRGB = 187.5;

  @TempDir Path folder;

  @Test
  void greyPngTaggedLinearIsConvertedToSrgbLevels() {
    byte[] png = ImageFiles.encode(flatGrey(128), "png");
    Path tagged = ImageFiles.write(folder.resolve("linear.png"),
        ProfiledFiles.pngWithProfile(png, linearGrey().getData()));
    Path plain = ImageFiles.write(folder.resolve("plain.png"), png);
    List<String> applied = new ArrayList<>();

    float convertedLevel = level(ImageDecoder.decode(tagged, SIDE, applied::add));
    float storedLevel = level(ImageDecoder.decode(plain, SIDE, applied::add));

    assertEquals(LINEAR_128_IN_SRGB, convertedLevel, 1.0);
    assertEquals(128, storedLevel, 0.01);
    assertEquals(1, applied.size(), applied::toString);
  }

  @Test
  void jpegProfileSplitOverSegmentsIsJoinedInSequenceOrder() {
    byte[] jpeg = ImageFiles.encode(flatGrey(128), "jpeg");
    byte[] profile = linearGrey().getData();
    int half = profile.length / 2;
    byte[] second =
        ProfiledFiles.iccSegment(2, 2, Arrays.copyOfRange(profile, half, profile.length));
    byte[] first = ProfiledFiles.iccSegment(1, 2, Arrays.copyOfRange(profile, 0, half));
    Path tagged = ImageFiles.write(folder.resolve("split.jpg"),
        ProfiledFiles.jpegWithSegments(jpeg, second, first));

    float convertedLevel = level(ImageDecoder.decode(tagged, SIDE));

    assertEquals(LINEAR_128_IN_SRGB, convertedLevel, 1.5);
  }

  @Test
  void rgbJpegTaggedSrgbKeepsItsSamples() {
    BufferedImage colourful = ImageFiles.colourful(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    byte[] jpeg = ImageFiles.jpegBytes(colourful, false);
    byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    Path tagged = ImageFiles.write(folder.resolve("srgb.jpg"),
        ProfiledFiles.jpegWithSegments(jpeg, ProfiledFiles.iccSegment(1, 1, srgb)));
    Path plain = ImageFiles.write(folder.resolve("plain.jpg"), jpeg);
    List<String> applied = new ArrayList<>();

    float[] taggedPixels = ImageDecoder.decode(tagged, SIDE, applied::add).pixels();
    float[] plainPixels = ImageDecoder.decode(plain, SIDE).pixels();

    assertTrue(Arrays.equals(plainPixels, taggedPixels), "an sRGB profile changes nothing");
    assertTrue(applied.isEmpty(), applied::toString);
  }

  @Test
  void unreadableProfileIsIgnoredAndTheImageKept() {
    byte[] png = ImageFiles.encode(flatGrey(90), "png");
    byte[] notDeflate = "not a compressed profile".getBytes(StandardCharsets.US_ASCII);
    byte[] name = "test\0\0".getBytes(StandardCharsets.US_ASCII);
    byte[] chunk = ProfiledFiles.concat(name, notDeflate);
    Path tagged = ImageFiles.write(folder.resolve("broken.png"),
        ProfiledFiles.pngWithChunk(png, 8 + 12 + 13, "iCCP", chunk));
    List<String> applied = new ArrayList<>();

    float storedLevel = level(ImageDecoder.decode(tagged, SIDE, applied::add));

    assertEquals(90, storedLevel, 0.01);
    assertTrue(applied.isEmpty(), applied::toString);
  }

  @Test
  void dotGainRadiographOfTheSharedDataIsLighterOnceItsProfileIsApplied() throws Exception {
    Path images = SharedData.covidChestXray().resolve("images");
    Path dotGain = findTagged(images, "Dot Gain");
    byte[] bytes = Files.readAllBytes(dotGain);
    Path stripped = ImageFiles.write(folder.resolve("stripped.jpg"), withoutIccSegments(bytes));
    List<String> applied = new ArrayList<>();

    float converted = mean(ImageDecoder.decode(dotGain, 64, applied::add).pixels());
    float stored = mean(ImageDecoder.decode(stripped, 64).pixels());

    assertEquals(List.of("Dot Gain 15%"), applied);
    assertTrue(converted - stored > 0.02f,
        "dot gain makes stored levels darker than meant: " + stored + " -> " + converted);
  }

  private static Path findTagged(Path images, String profileName) throws Exception {
    try (var files = Files.list(images)) {
      for (Path file : files.sorted().toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (text.contains("ICC_PROFILE") && text.contains(profileName)) {
          return file;
        }
      }
    }
    throw new AssertionError("no image in " + images + " embeds a " + profileName + " profile");
  }

  private static BufferedImage flatGrey(int level) {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        image.getRaster().setSample(x, y, 0, level);
      }
    }
    return image;
  }

  private static ICC_Profile linearGrey() {
    return ICC_Profile.getInstance(ColorSpace.CS_GRAY);
  }

  /** Returns the grey level (0 to 255) of the image's first pixel. */
  private static float level(SquareImage image) {
    return (image.pixels()[0] + 1) / 2 * 255;
  }

  private static float mean(float[] values) {
    double sum = 0;
    for (float value : values) {
      sum += value;
    }
    return (float) (sum / values.length);
  }

  /** Returns the JPEG with its APP2 ICC_PROFILE segments removed. */
  private static byte[] withoutIccSegments(byte[] jpeg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int at = 2;
    while ((jpeg[at + 1] & 0xFF) != 0xDA) {
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      boolean icc = (jpeg[at + 1] & 0xFF) == 0xE2
          && new String(jpeg, at + 4, 11, StandardCharsets.US_ASCII).equals("ICC_PROFILE");
      if (!icc) {
        out.write(jpeg, at, 2 + length);
      }
      at += 2 + length;
    }
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }
}
