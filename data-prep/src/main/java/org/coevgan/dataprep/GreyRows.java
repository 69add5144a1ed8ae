package org.coevgan.dataprep;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Reads a decoded image one row at a time as grey levels in its own sample units (0 to 255 for
 * 8-bit samples, 0 to 65535 for 16-bit ones), straight from the raster: no colour profile, gamma
 * or colour conversion is applied, so a grey PNG's levels come out exactly as stored.
 *
 * <p>Conversion to grey:
 * <ul>
 *   <li>grey: the sample itself;
 *   <li>RGB: ITU-R BT.601 luma on the raw samples, {@code 0.299 R + 0.587 G + 0.114 B}, kept as
 *       a fraction (R, G, B = 200, 100, 50 give 124.2);
 *   <li>palette: the luma of the palette entry, whose channels are 8-bit;
 *   <li>CMYK (four-channel JPEG): the luma of the naive RGB, {@code R = (max - C)(max - K) / max}
 *       and likewise G from M and B from Y, where max is 255 for 8-bit samples; C, M, Y, K = 0,
 *       0, 0, 0 is white, and 0, 0, 0, 51 gives 204;
 *   <li>alpha: ignored, so a transparent pixel counts with its colour as stored.
 * </ul>
 * A JPEG stored as YCbCr reaches this class as RGB, converted by the JPEG decoder itself with the
 * JFIF equations, so its luma is the stored Y up to rounding. The decoder also applies the
 * transform named by an Adobe APP14 marker: transform 2 (YCCK) is turned into CMYK with the same
 * equations, and Adobe CMYK, stored inverted (255 means no ink), is inverted back, so both
 * arrive as CMYK with 0 meaning no ink. A four-channel JPEG without that marker arrives as its
 * raw samples, read as CMYK. This class applies no ICC profile: {@link ImageDecoder} has already
 * converted a picture whose embedded profile changes colours to sRGB ({@link EmbeddedProfile}).
 * Any other colour space (unconverted
 * YCbCr, Lab) is refused.
 */
final class GreyRows {
  private static final double RED = 0.299;
  private static final double GREEN = 0.587;
  private static final double BLUE = 0.114;

  private final Raster raster;
  private final IndexColorModel palette;
  private final int colourBands;
  private final int maxSample;
  private final int[][] samples;

  private GreyRows(Raster raster, IndexColorModel palette, int colourBands, int maxSample) {
    this.raster = raster;
    this.palette = palette;
    this.colourBands = colourBands;
    this.maxSample = maxSample;
    this.samples = new int[colourBands][raster.getWidth()];
  }

  /**
   * Returns the rows of {@code image}.
   *
   * @throws SkippedImageException with {@link SkipReason#UNDECODABLE} when the colour space is
   *     neither grey, RGB nor CMYK
   */
  static GreyRows of(BufferedImage image) {
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    if (model instanceof IndexColorModel palette) {
      return new GreyRows(raster, palette, 1, 255);
    }

    int type = model.getColorSpace().getType();
    int components = model.getNumColorComponents();
    boolean grey = type == ColorSpace.TYPE_GRAY && components == 1;
    boolean rgb = type == ColorSpace.TYPE_RGB && components == 3;
    boolean cmyk = type == ColorSpace.TYPE_CMYK && components == 4;
    if (!grey && !rgb && !cmyk) {
      throw new SkippedImageException(SkipReason.UNDECODABLE,
          "colour space type " + type + " with " + components + " colour components is neither"
              + " grey, RGB nor CMYK");
    }

    int bits = raster.getSampleModel().getSampleSize(0);

    return new GreyRows(raster, null, components, (1 << bits) - 1);
  }

  /** Returns the largest sample value, which stands for white: 255 for 8-bit samples. */
  int maxSample() {
    return maxSample;
  }

  /** Returns the width of every row in pixels. */
  int width() {
    return raster.getWidth();
  }

  /** Returns the number of rows. */
  int height() {
    return raster.getHeight();
  }

  /** Writes row {@code y}'s grey levels into {@code grey}, which holds at least a row. */
  void read(int y, double[] grey) {
    int minX = raster.getMinX();
    for (int band = 0; band < colourBands; band++) {
      raster.getSamples(minX, raster.getMinY() + y, width(), 1, band, samples[band]);
    }

    for (int x = 0; x < width(); x++) {
      grey[x] = greyAt(x);
    }
  }

  private double greyAt(int x) {
    if (palette != null) {
      int index = samples[0][x];

      return luma(palette.getRed(index), palette.getGreen(index), palette.getBlue(index));
    }

    if (colourBands == 4) {
      return inkLuma(samples[0][x], samples[1][x], samples[2][x], samples[3][x]);
    }

    return colourBands == 1 ? samples[0][x] : luma(samples[0][x], samples[1][x], samples[2][x]);
  }

  private double inkLuma(int cyan, int magenta, int yellow, int black) {
    double paper = (maxSample - black) / (double) maxSample;

    return paper * luma(maxSample - cyan, maxSample - magenta, maxSample - yellow);
  }

  private static double luma(int red, int green, int blue) {
    return RED * red + GREEN * green + BLUE * blue;
  }
}
