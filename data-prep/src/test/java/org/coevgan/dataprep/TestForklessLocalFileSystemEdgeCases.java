package org.coevgan.dataprep;

import static org.coevgan.dataprep.FileStatuses.assertSameStatus;
import static org.coevgan.dataprep.FileStatuses.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the forkless raw layer with Hadoop's RawLocalFileSystem on awkward paths: names with
 * spaces, '%', ':' and non-ASCII characters, symlinks, a file listed as a folder, the root,
 * relative paths and the sticky bit.
 */
class TestForklessLocalFileSystemEdgeCases {
  @TempDir java.nio.file.Path folder;

  private RawLocalFileSystem forkless;
  private RawLocalFileSystem hadoops;

  @BeforeEach
  void openBoth() throws IOException {
    forkless = new ForklessLocalFileSystem.Raw();
    forkless.initialize(URI.create("file:///"), new Configuration(false));
    hadoops = new RawLocalFileSystem();
    hadoops.initialize(URI.create("file:///"), new Configuration(false));
  }

  @Test
  void awkwardNamesGetTheSameStatusesAndListings() throws IOException {
    java.nio.file.Path run = Files.createDirectories(folder.resolve("run 50% a:b"));
    // A non-ASCII name only where the JVM can encode it (under the C locale java.nio refuses it, in Hadoop's own layer too).
    String accented = jvmEncodes('\u00e9') ? "g\u00e9n \u00e9" : "gen e";
    for (String name : new String[] {"with space", "per%25cent", "co:lon", accented, "#hash"}) {
      Files.writeString(run.resolve(name), name);
    }
    Files.createDirectory(run.resolve("sub dir"));
    Path path = new Path(new Path(folder.toUri()), new Path(null, null, "run 50% a:b"));

    FileStatus[] mine = sorted(forkless.listStatus(path));
    FileStatus[] theirs = sorted(hadoops.listStatus(path));
    assertEquals(6, mine.length);
    assertEquals(theirs.length, mine.length);
    for (int i = 0; i < mine.length; i++) {
      assertSameStatus(theirs[i], mine[i]);
      assertSameStatus(hadoops.getFileStatus(theirs[i].getPath()),
          forkless.getFileStatus(mine[i].getPath()));
    }
    assertSameStatus(hadoops.getFileStatus(path), forkless.getFileStatus(path));
  }

  @Test
  void listingAFileGivesItsOwnStatus() throws IOException {
    Path file = new Path(Files.writeString(folder.resolve("a.parquet"), "x").toUri());
    FileStatus[] mine = forkless.listStatus(file);
    FileStatus[] theirs = hadoops.listStatus(file);
    assertEquals(1, mine.length);
    assertSameStatus(theirs[0], mine[0]);
  }

  @Test
  void symlinksAreFollowedAndDanglingOnesLeftOutOfListings() throws IOException {
    java.nio.file.Path target = Files.writeString(folder.resolve("target.bin"), "0123456789");
    Files.createDirectory(folder.resolve("links"));
    Files.createSymbolicLink(folder.resolve("links/good"), target);
    Files.createSymbolicLink(folder.resolve("links/dangling"), folder.resolve("gone"));
    Path links = new Path(folder.resolve("links").toUri());

    FileStatus[] mine = sorted(forkless.listStatus(links));
    FileStatus[] theirs = sorted(hadoops.listStatus(links));
    assertEquals(1, mine.length);
    assertEquals(theirs.length, mine.length);
    assertSameStatus(theirs[0], mine[0]);
    assertEquals(10, mine[0].getLen());
    assertThrows(FileNotFoundException.class,
        () -> forkless.getFileStatus(new Path(links, "dangling")));
  }

  @Test
  void rootAndRelativePathsResolveLikeHadoops() throws IOException {
    assertSameStatus(hadoops.getFileStatus(new Path("/")), forkless.getFileStatus(new Path("/")));

    Files.writeString(folder.resolve("relative.txt"), "r");
    Path working = new Path(folder.toUri());
    forkless.setWorkingDirectory(working);
    hadoops.setWorkingDirectory(working);
    assertSameStatus(hadoops.getFileStatus(new Path("relative.txt")),
        forkless.getFileStatus(new Path("relative.txt")));
  }

  @Test
  void theStickyBitIsSetAndReadBack() throws IOException {
    java.nio.file.Path shared = Files.createDirectory(folder.resolve("shared"));
    Path path = new Path(shared.toUri());
    forkless.setPermission(path, new FsPermission((short) 01777));

    FileStatus status = forkless.getFileStatus(path);
    assertTrue(status.getPermission().getStickyBit());
    assertEquals(hadoops.getFileStatus(path).getPermission(), status.getPermission());
  }

  @Test
  void aMissingPathNamesItselfInTheError() {
    Path missing = new Path(folder.resolve("no such %file").toUri());
    FileNotFoundException error =
        assertThrows(FileNotFoundException.class, () -> forkless.getFileStatus(missing));
    assertTrue(error.getMessage().contains("no such %file"), error.getMessage());
    assertThrows(FileNotFoundException.class, () -> forkless.listStatus(missing));
  }

  private static boolean jvmEncodes(char c) {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    return java.nio.charset.Charset.forName(encoding).newEncoder().canEncode(c);
  }
}
