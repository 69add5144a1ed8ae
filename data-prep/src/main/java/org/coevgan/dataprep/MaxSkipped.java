package org.coevgan.dataprep;

/**
 * Holds the limit set by {@code --max-skipped}: how many selected image files may be skipped as
 * bad input before {@link PrepareImages} fails instead of writing a table.
 *
 * <p>A whole number ("3") is a count of files; a number with a decimal point ("0.1", "1.0") is a
 * fraction of the selected files, from 0 to 1, so "0.1" allows 10 skips among 100 files and
 * "1.0" allows any number. Duplicates are not bad input and never count.
 *
 * @param count the largest allowed number of skips, or -1 when a fraction is set
 * @param fraction the largest allowed share of skips, or -1 when a count is set
 */
public record MaxSkipped(long count, double fraction) {
  /** Allows a tenth of the selected files to be skipped, the default of the command line. */
  public static final MaxSkipped DEFAULT = new MaxSkipped(-1, 0.1);

  /** Checks that exactly one of a count of at least 0 and a fraction in [0, 1] is set. */
  public MaxSkipped {
    boolean isCount = count >= 0 && fraction == -1;
    boolean isFraction = count == -1 && fraction >= 0 && fraction <= 1;
    if (!isCount && !isFraction) {
      throw new IllegalArgumentException(
          "Cannot set --max-skipped to count " + count + " and fraction " + fraction + " because"
              + " it takes either a whole number from 0 or a fraction from 0.0 to 1.0");
    }
  }

  /**
   * Returns the limit written as a whole number or a decimal fraction.
   *
   * @throws IllegalArgumentException naming --max-skipped if the text is neither
   */
  public static MaxSkipped parse(String text) {
    try {
      if (text.contains(".")) {
        return new MaxSkipped(-1, Double.parseDouble(text));
      }

      return new MaxSkipped(Long.parseLong(text), -1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot read --max-skipped '" + text + "' because it must be a whole number of files"
              + " from 0 (\"3\") or a fraction of the selected files from 0.0 to 1.0 (\"0.1\")",
          e);
    }
  }

  /** Returns whether {@code skipped} bad files among {@code selected} stay within the limit. */
  public boolean allows(long skipped, long selected) {
    return fraction < 0 ? skipped <= count : skipped <= fraction * selected;
  }

  /** Returns the limit as the command line writes it. */
  @Override
  public String toString() {
    return fraction < 0 ? Long.toString(count) : Double.toString(fraction);
  }
}
