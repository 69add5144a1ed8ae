package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.coevgan.dataprep.PrepareIdx.Options;
import org.junit.jupiter.api.Test;

class TestPrepareIdxArguments {
  @Test
  void parsesEveryOption() {
    String[] args = {"--images", "i.gz", "--labels", "l.gz", "--output", "out", "--limit", "7"};

    Options options = PrepareIdxArguments.parse(args);

    assertEquals(new Options(Path.of("i.gz"), Optional.of(Path.of("l.gz")), "out", 7), options);
  }

  @Test
  void leavesLabelsAndLimitOptional() {
    String[] args = {"--output", "hdfs://127.0.0.1:9000/tables/mnist", "--images", "i.gz"};

    Options options = PrepareIdxArguments.parse(args);

    assertEquals(Optional.empty(), options.labels());
    assertEquals(IdxReader.NO_LIMIT, options.limit());
    assertEquals("hdfs://127.0.0.1:9000/tables/mnist", options.output());
  }

  @Test
  void recognisesHelpAnywhere() {
    String[] args = {"--images", "i.gz", "--help"};

    boolean help = PrepareIdxArguments.asksForHelp(args);

    assertTrue(help);
    assertFalse(PrepareIdxArguments.asksForHelp(new String[] {"--images", "i.gz"}));
  }

  @Test
  void rejectsUnknownOption() {
    String[] args = {"--images", "i.gz", "--output", "out", "--lables", "l.gz"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareIdxArguments.parse(args));

    assertTrue(failure.getMessage().contains("'--lables' is not one of its options"),
        failure.getMessage());
  }

  @Test
  void rejectsMissingImages() {
    String[] args = {"--output", "out"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareIdxArguments.parse(args));

    assertTrue(failure.getMessage().contains("required option --images is missing"),
        failure.getMessage());
  }

  @Test
  void rejectsOptionWithoutValue() {
    String[] args = {"--images", "--output", "out"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareIdxArguments.parse(args));

    assertTrue(failure.getMessage().contains("--images has no value"), failure.getMessage());
  }

  @Test
  void rejectsRepeatedOption() {
    String[] args = {"--images", "a.gz", "--images", "b.gz", "--output", "out"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareIdxArguments.parse(args));

    assertTrue(failure.getMessage().contains("--images is given twice"), failure.getMessage());
  }

  @Test
  void rejectsLimitThatIsNotAPositiveNumber() {
    String[] words = {"--images", "i.gz", "--output", "out", "--limit", "ten"};
    String[] zero = {"--images", "i.gz", "--output", "out", "--limit", "0"};

    UsageException wordFailure =
        assertThrows(UsageException.class, () -> PrepareIdxArguments.parse(words));
    UsageException zeroFailure =
        assertThrows(UsageException.class, () -> PrepareIdxArguments.parse(zero));

    assertTrue(wordFailure.getMessage().contains("--limit is 'ten'"), wordFailure.getMessage());
    assertTrue(zeroFailure.getMessage().contains("--limit is '0'"), zeroFailure.getMessage());
    assertTrue(zeroFailure.getMessage().contains("at least 1"), zeroFailure.getMessage());
  }
}
