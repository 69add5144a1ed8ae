package org.coevgan.conf;

import java.math.BigDecimal;

/** Writes numbers the same way on every machine, whatever its default locale. */
final class Decimals {
  private Decimals() {}

  /**
   * Returns {@code value} in plain decimal notation without trailing zeros: 0.0002 for 2e-4,
   * 1 for 1.0, 0.00000001 for 1e-8. Non-finite values are written as Java writes them.
   */
  static String text(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }

    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
