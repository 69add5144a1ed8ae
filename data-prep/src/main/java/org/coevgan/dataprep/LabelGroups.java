package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges values of the label column into fewer labels before they are numbered, as given by
 * repeated {@code --label-group NAME=VALUE[,VALUE...]}: every listed value becomes the label
 * NAME. The value {@code *} stands for every value that no group lists, so
 * {@code --label-group COVID-19=COVID-19 --label-group other=*} labels a table by "COVID-19"
 * against the rest. Values no group covers keep their own label.
 *
 * <p>Values are compared trimmed and exactly, case included, as {@link MetadataFilter} does.
 */
final class LabelGroups {
  /** The value that stands for every value no group lists. */
  static final String REST = "*";

  private final Map<String, String> nameByValue;
  private final String restName;

  private LabelGroups(Map<String, String> nameByValue, String restName) {
    this.nameByValue = nameByValue;
    this.restName = restName;
  }

  /**
   * Parses the texts of the repeated option.
   *
   * @throws IllegalArgumentException naming the text when it has no '=', an empty name or value,
   *     a name given twice, or a value (or {@code *}) listed in two groups
   */
  static LabelGroups parse(List<String> texts) {
    requireNonNull(texts, "texts");
    Map<String, String> nameByValue = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    String restName = null;
    for (String text : texts) {
      int equals = text.indexOf('=');
      String name = equals < 0 ? "" : text.substring(0, equals).trim();
      List<String> values = equals < 0 ? List.of()
          : Arrays.stream(text.substring(equals + 1).split(",", -1)).map(String::trim).toList();
      checkWritten(text, name, values);
      checkNameOnce(text, name, names);

      for (String value : values) {
        String earlier = value.equals(REST) ? restName : nameByValue.get(value);
        if (earlier != null) {
          throw new IllegalArgumentException("Cannot apply --label-group '" + text + "' because '"
              + value + "' is already in group '" + earlier + "'; list each value in one group");
        }
        if (value.equals(REST)) {
          restName = name;
        } else {
          nameByValue.put(value, name);
        }
      }
    }

    return new LabelGroups(nameByValue, restName);
  }

  private static void checkWritten(String text, String name, List<String> values) {
    if (name.isEmpty() || values.isEmpty() || values.contains("")) {
      throw new IllegalArgumentException("Cannot apply --label-group '" + text + "' because it "
          + "must be written NAME=VALUE[,VALUE...] with a name and non-empty values, for "
          + "example --label-group other=ARDS,SARS or --label-group other=*");
    }
  }

  private static void checkNameOnce(String text, String name, Set<String> names) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("Cannot apply --label-group '" + text + "' because "
          + "group '" + name + "' is given twice; list all its values in one --label-group");
    }
  }

  /** Returns whether no group is given, so that every value keeps its own label. */
  boolean isEmpty() {
    return nameByValue.isEmpty() && restName == null;
  }

  /** Returns the label of a value of the label column: its group's name, or the value itself. */
  String labelOf(String value) {
    String trimmed = value == null ? null : value.trim();
    String name = trimmed == null ? null : nameByValue.get(trimmed);
    if (name != null) {
      return name;
    }

    return restName != null ? restName : value;
  }

  /**
   * Checks the groups against the values of the kept images: every listed value occurs, so that
   * a misspelt value does not silently leave its images in another label, and no group is named
   * like a value that keeps its own label.
   *
   * @throws BadInputException naming the column, the missing values and the values present,
   *     or a group named like a value that keeps its own label
   */
  void checkAgainst(String column, Set<String> present) {
    Set<String> trimmed = new TreeSet<>();
    present.forEach(value -> trimmed.add(value == null ? "" : value.trim()));
    Set<String> missing = new TreeSet<>(nameByValue.keySet());
    missing.removeAll(trimmed);
    if (!missing.isEmpty()) {
      throw new BadInputException("Cannot group labels because no kept image has " + column
          + " = " + missing + "; the kept images' values are " + trimmed + "; fix or remove "
          + "these values in --label-group");
    }
    checkNoNameClash(column, present);
  }

  /**
   * Refuses a group named like a value no group lists: that value keeps its own label, which is
   * the group's name, so its images would silently join the group.
   */
  private void checkNoNameClash(String column, Set<String> present) {
    Set<String> clashing = new TreeSet<>(nameByValue.values());
    clashing.removeIf(name -> restName != null || !present.contains(name)
        || nameByValue.containsKey(name));
    if (!clashing.isEmpty()) {
      throw new BadInputException("Cannot group labels because group '" + clashing.iterator()
          .next() + "' is named like a " + column + " value that no group lists, so its images "
          + "would join the group; list that value in a group or give the group another name");
    }
  }

  @Override
  public String toString() {
    Map<String, Set<String>> valuesByName = new LinkedHashMap<>();
    nameByValue.forEach((value, name) ->
        valuesByName.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(value));
    if (restName != null) {
      valuesByName.computeIfAbsent(restName, key -> new LinkedHashSet<>()).add(REST);
    }
    return valuesByName.toString();
  }
}
