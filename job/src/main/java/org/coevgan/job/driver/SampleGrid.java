package org.coevgan.job.driver;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.coevgan.job.grid.Cell;

/**
 * Renders sample images as one PNG laid out like the grid: each cell's images form a square
 * block of tiles at the cell's position, blocks separated by a wider gap, so a reader sees at a
 * glance which cells produce what.
 */
public final class SampleGrid {
  private static final int TILE_GAP = 1;
  private static final int CELL_GAP = 6;
  private static final Color BACKGROUND = new Color(40, 90, 160);

  private SampleGrid() {}

  /**
   * Returns the PNG bytes of the samples, keyed by cell; each value holds images of height x
   * width pixels in [-1, 1], row-major, one after another.
   */
  public static byte[] render(
      Map<Cell, float[]> samples, int rows, int columns, int perCell, int height, int width) {
    int side = (int) Math.ceil(Math.sqrt(perCell));
    int blockWidth = side * width + (side - 1) * TILE_GAP;
    int blockHeight = side * height + (side - 1) * TILE_GAP;
    BufferedImage canvas =
        new BufferedImage(
            columns * blockWidth + (columns + 1) * CELL_GAP,
            rows * blockHeight + (rows + 1) * CELL_GAP,
            BufferedImage.TYPE_INT_RGB);
    fill(canvas);

    for (Map.Entry<Cell, float[]> entry : samples.entrySet()) {
      int left = CELL_GAP + entry.getKey().column() * (blockWidth + CELL_GAP);
      int top = CELL_GAP + entry.getKey().row() * (blockHeight + CELL_GAP);
      drawBlock(canvas, entry.getValue(), left, top, side, height, width);
    }
    return png(canvas);
  }

  private static void fill(BufferedImage canvas) {
    for (int y = 0; y < canvas.getHeight(); y++) {
      for (int x = 0; x < canvas.getWidth(); x++) {
        canvas.setRGB(x, y, BACKGROUND.getRGB());
      }
    }
  }

  private static void drawBlock(
      BufferedImage canvas, float[] images, int left, int top, int side, int height, int width) {
    int count = images.length / (height * width);
    for (int i = 0; i < count; i++) {
      int tileLeft = left + (i % side) * (width + TILE_GAP);
      int tileTop = top + (i / side) * (height + TILE_GAP);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int grey = toGrey(images[i * height * width + y * width + x]);
          canvas.setRGB(tileLeft + x, tileTop + y, (grey << 16) | (grey << 8) | grey);
        }
      }
    }
  }

  /** Maps [-1, 1] to 0..255, clamping values a generator overshoots. */
  static int toGrey(float value) {
    double scaled = (value + 1.0) * 127.5;
    return (int) Math.round(Math.max(0, Math.min(255, scaled)));
  }

  private static byte[] png(BufferedImage canvas) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(canvas, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the sample grid as PNG", e);
    }
  }
}
