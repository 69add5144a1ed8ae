package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.coevgan.dataprep.FileStatuses.assertSameStatus;
import static org.coevgan.dataprep.FileStatuses.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that the forkless local file system creates, sets and reports exactly the modes, owners
 * and sizes Hadoop's own local file system does, and that job sessions use it.
 */
class TestForklessLocalFileSystem {
  @TempDir java.nio.file.Path folder;

  private FileSystem forkless;
  private RawLocalFileSystem hadoops;

  @BeforeEach
  void openBoth() throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    forkless = FileSystem.get(java.net.URI.create("file:///"), conf);
    hadoops = new RawLocalFileSystem();
    hadoops.initialize(java.net.URI.create("file:///"), new Configuration(false));
  }

  @Test
  void filesAndFoldersGetHadoopsModesAfterTheUmask() throws IOException {
    Path state = new Path(folder.toUri().toString(), "state/generation-0001");
    assertTrue(forkless.mkdirs(state));
    try (OutputStream out = forkless.create(new Path(state, "part-00000.parquet"))) {
      out.write("cells".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals("rwxr-xr-x", modeOf(folder.resolve("state/generation-0001")));
    assertEquals("rw-r--r--", modeOf(folder.resolve("state/generation-0001/part-00000.parquet")));
    assertEquals("rw-r--r--",
        modeOf(folder.resolve("state/generation-0001/.part-00000.parquet.crc")));
  }

  @Test
  void setPermissionChangesTheMode() throws IOException {
    java.nio.file.Path file = Files.writeString(folder.resolve("run.json"), "{}");
    forkless.setPermission(new Path(file.toUri()), new FsPermission((short) 0640));
    assertEquals("rw-r-----", modeOf(file));
  }

  @Test
  void statusesMatchHadoopsOwnLocalFileSystem() throws IOException {
    Files.createDirectories(folder.resolve("metrics/sub"));
    Files.writeString(folder.resolve("metrics/a.parquet"), "twelve bytes");
    Files.setPosixFilePermissions(folder.resolve("metrics/a.parquet"),
        PosixFilePermissions.fromString("rw-------"));
    Path metrics = new Path(folder.resolve("metrics").toUri());

    FileStatus[] mine = sorted(forkless.listStatus(metrics));
    FileStatus[] theirs = sorted(hadoops.listStatus(metrics));
    assertEquals(theirs.length, mine.length);
    for (int i = 0; i < mine.length; i++) {
      assertSameStatus(theirs[i], mine[i]);
    }
    assertSameStatus(hadoops.getFileStatus(metrics), forkless.getFileStatus(metrics));
  }

  @Test
  void readsBackWhatItWroteThroughTheChecksummedLayer() throws IOException {
    Path file = new Path(folder.toUri().toString(), "blob.bin");
    byte[] bytes = new byte[100_000];
    new java.util.Random(3).nextBytes(bytes);
    try (OutputStream out = forkless.create(file)) {
      out.write(bytes);
    }
    byte[] read = new byte[bytes.length];
    try (FSDataInputStream in = forkless.open(file)) {
      in.readFully(read);
    }
    assertArrayEquals(bytes, read);
    assertEquals(1, forkless.listStatus(file.getParent()).length, "the .crc file stays hidden");
  }

  @Test
  void missingPathsAreNamedInTheError() {
    Path missing = new Path(folder.toUri().toString(), "no-such-run");
    FileNotFoundException status = assertThrows(FileNotFoundException.class,
        () -> forkless.getFileStatus(missing));
    assertTrue(status.getMessage().contains("no-such-run"), status.getMessage());
    assertThrows(FileNotFoundException.class, () -> forkless.listStatus(missing));
  }

  @Test
  void jobSessionsUseItUnlessTheSubmitCommandNamesAnother() {
    SparkConf defaults = SparkSessions.withDefaults(new SparkConf(false));
    assertEquals(ForklessLocalFileSystem.class.getName(),
        defaults.get("spark.hadoop.fs.file.impl"));
    assertEquals("true", defaults.get("spark.hadoop.fs.file.impl.disable.cache"));

    SparkConf chosen = new SparkConf(false).set("spark.hadoop.fs.file.impl", "my.FileSystem");
    SparkSessions.withDefaults(chosen);
    assertEquals("my.FileSystem", chosen.get("spark.hadoop.fs.file.impl"));
    assertTrue(!chosen.contains("spark.hadoop.fs.file.impl.disable.cache"));
  }

  private static String modeOf(java.nio.file.Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
