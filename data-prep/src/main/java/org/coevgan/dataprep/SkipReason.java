package org.coevgan.dataprep;

/**
 * Names why an image file was left out of the image table. The name is the value of the
 * {@code reason} column of the rejected table and of the counts in the log.
 *
 * <p>Every reason but {@link #DUPLICATE} marks bad input and counts against
 * {@code --max-skipped}; a duplicate is a good image already kept under another name.
 */
public enum SkipReason {
  /** The metadata names a file that is not in the image folder, or a path leaving it. */
  MISSING_FILE,
  /** The file holds no bytes. */
  EMPTY_FILE,
  /** The file starts with neither the PNG nor the JPEG magic bytes. */
  NOT_AN_IMAGE,
  /** The content is PNG or JPEG but the file name's extension says otherwise. */
  EXTENSION_MISMATCH,
  /** The file ends before its last chunk (PNG IEND) or marker (JPEG EOI). */
  TRUNCATED,
  /** The header claims more pixels than the caps of {@link ImageDecoder} allow. */
  TOO_LARGE,
  /** The shorter side is below the output size; images are never scaled up. */
  TOO_SMALL,
  /** The decoder failed on the content, or its colour layout is not grey or RGB. */
  UNDECODABLE,
  /** The decoded pixels equal those of an image kept earlier. */
  DUPLICATE;

  /** Returns whether this reason marks bad input, counted against {@code --max-skipped}. */
  public boolean isBadInput() {
    return this != DUPLICATE;
  }
}
