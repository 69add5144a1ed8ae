package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewer cases: embedded profiles applied once, whatever the decoder does with them. */
class TestEmbeddedProfileBreak {
  private static final int SIDE = 16;
  /** Level 128 of linear light, encoded in sRGB. */
  private static final double LINEAR_128_IN_SRGB = 187.8;

  @TempDir Path folder;

  @Test
  void colourJpegTaggedLinearIsConvertedOnce() {
    assertEquals(LINEAR_128_IN_SRGB, linearTaggedJpegLevel(false), 1.5);
  }

  @Test
  void progressiveColourJpegTaggedLinearIsConvertedOnce() {
    assertEquals(LINEAR_128_IN_SRGB, linearTaggedJpegLevel(true), 1.5);
  }

  @Test
  void paletteWithColourChangingProfileIsRefusedSoTheDecoderWarns() {
    BufferedImage palette = ImageFiles.palette(SIDE, SIDE);

    assertThrows(IllegalArgumentException.class,
        () -> EmbeddedProfile.toSrgb(palette, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)));
  }

  @Test
  void greyPictureWithColourChangingRgbProfileIsRefusedSoTheDecoderWarns() {
    BufferedImage grey = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);

    assertThrows(IllegalArgumentException.class,
        () -> EmbeddedProfile.toSrgb(grey, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)));
  }

  @Test
  void paletteWithSrgbProfileIsKeptWithoutComplaint() {
    BufferedImage palette = ImageFiles.palette(SIDE, SIDE);

    ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
    assertSame(palette, EmbeddedProfile.toSrgb(palette, srgb));
  }

  @Test
  void paletteFileWithColourChangingProfileKeepsItsStoredLevels() {
    byte[] png = ImageFiles.encode(ImageFiles.palette(SIDE, SIDE), "png");
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    Path plain = ImageFiles.write(folder.resolve("plain.png"), png);
    Path tagged = ImageFiles.write(folder.resolve("tagged.png"),
        ProfiledFiles.pngWithProfile(png, profile));

    assertEquals(ImageDecoder.decode(plain, SIDE).pixels()[0],
        ImageDecoder.decode(tagged, SIDE).pixels()[0]);
  }

  private float linearTaggedJpegLevel(boolean progressive) {
    byte[] jpeg = ImageFiles.jpegBytes(midGreyRgb(), progressive);
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    Path tagged = ImageFiles.write(folder.resolve("linear.jpg"),
        ProfiledFiles.jpegWithSegments(jpeg, ProfiledFiles.iccSegment(1, 1, profile)));

    return (ImageDecoder.decode(tagged, SIDE).pixels()[0] + 1) / 2 * 255;
  }

  private static BufferedImage midGreyRgb() {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        image.getRaster().setPixel(x, y, new int[] {128, 128, 128});
      }
    }
    return image;
  }
}
