package org.coevgan.job.resilience;

import java.lang.management.ManagementFactory;
import java.util.List;

/** The JVM flags a child JVM needs to run Spark on Java 17: the ones this test JVM got. */
final class JvmFlags {
  private JvmFlags() {}

  static List<String> sparkOpens() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("-Djdk.reflect"))
        .toList();
  }
}
