package org.coevgan.conf;

/** The kind of value a configuration key holds, as named in messages and key descriptions. */
public enum ValueType {
  /** A whole number that fits in a Java {@code int}, written in digits. */
  WHOLE_NUMBER("whole number"),

  /** A whole number that fits in a Java {@code long}, written in digits. */
  LARGE_WHOLE_NUMBER("whole number"),

  /** A decimal number such as {@code 0.0002} or {@code 2e-4}. */
  NUMBER("number"),

  /** Free text, such as a path. */
  TEXT("text"),

  /** One of a fixed list of spellings, read into a {@link ConfigChoice} enum. */
  CHOICE("choice");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /**
   * Returns the type as a user reads it, such as {@code whole number}.
   *
   * @return a short lower-case noun phrase
   */
  public String description() {
    return description;
  }
}
