package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Holds the images read from one IDX image file: their shape and their 8-bit grey levels.
 *
 * <p>When the file was read with a limit, this holds only the first images ({@link #count()})
 * while {@link #sourceCount()} still reports how many the file declares, so that image and
 * label files can be paired by their full counts. Instances are immutable.
 */
public final class IdxImages {
  private final Path file;
  private final int sourceCount;
  private final int height;
  private final int width;
  private final byte[] greyLevels;

  IdxImages(Path file, int sourceCount, int height, int width, byte[] greyLevels) {
    this.file = requireNonNull(file, "file");
    this.sourceCount = sourceCount;
    this.height = height;
    this.width = width;
    this.greyLevels = requireNonNull(greyLevels, "greyLevels");
  }

  /** Returns the path of the file the images were read from. */
  public Path file() {
    return file;
  }

  /** Returns the file's name, the value of the image table's {@code source} column. */
  public String source() {
    return file.getFileName().toString();
  }

  /** Returns how many images the file declares, including any beyond the limit. */
  public int sourceCount() {
    return sourceCount;
  }

  /** Returns how many images were kept: the first ones of the file, up to the limit. */
  public int count() {
    return greyLevels.length / pixelsPerImage();
  }

  /** Returns the height of every image in pixels (the number of rows). */
  public int height() {
    return height;
  }

  /** Returns the width of every image in pixels (the number of columns). */
  public int width() {
    return width;
  }

  /** Returns the number of pixels in one image, height times width. */
  public int pixelsPerImage() {
    return height * width;
  }

  /** Returns a copy of one image's grey levels (0 to 255 as unsigned bytes), row-major. */
  public byte[] greyLevels(int index) {
    int start = checkedStart(index);

    return Arrays.copyOfRange(greyLevels, start, start + pixelsPerImage());
  }

  /** Returns one image's pixels normalised to [-1, 1] as the image table stores them. */
  public float[] normalisedPixels(int index) {
    return ImageTable.normalisedPixels(greyLevels(index));
  }

  private int checkedStart(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException(
          "Cannot return image " + index + " of " + file + " because only images 0 to "
              + (count() - 1) + " were kept");
    }

    return index * pixelsPerImage();
  }
}
