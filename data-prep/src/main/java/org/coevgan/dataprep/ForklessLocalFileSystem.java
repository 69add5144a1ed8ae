package org.coevgan.dataprep;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's checksummed local file system ({@code file:} paths) without a child process per
 * file.
 *
 * <p>Without Hadoop's native library, which Spark's Maven jars do not include, Hadoop's local
 * file system sets the mode of every file and directory it creates by running {@code chmod},
 * and reads the owner and mode of every file it lists by running {@code ls -ld}: two forks per
 * Parquet file (its .crc file doubles that), about 3 ms each on the development machine. A
 * generation of an 18x18 grid writes and lists over a thousand files, so those forks cost
 * seconds per generation. This file system does the same through Java's own file attribute
 * calls: the same modes (including the umask Hadoop applies before), owners and sizes, set and
 * read with system calls instead of processes. A sticky, setuid or setgid bit, which Java cannot
 * set, still goes through Hadoop's {@code chmod}.
 *
 * <p>{@link SparkSessions} installs it for {@code file:} paths unless {@code fs.file.impl} is
 * already set.
 */
public class ForklessLocalFileSystem extends LocalFileSystem {
  /** Creates the checksummed file system over the forkless raw one. */
  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (unchecksummed) local file system with attribute calls instead of processes. */
  public static class Raw extends RawLocalFileSystem {
    private static final String UNIX_ATTRIBUTES =
        "unix:mode,size,lastModifiedTime,lastAccessTime,isDirectory,owner,group";
    private static final int PERMISSION_BITS = 0777;

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      int mode = permission.toShort();
      if ((mode & ~PERMISSION_BITS) != 0) {
        super.setPermission(path, permission);
        return;
      }

      Files.setPosixFilePermissions(pathToFile(path).toPath(), posixPermissions(mode));
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
      File file = pathToFile(path);
      if (!file.exists()) {
        throw new FileNotFoundException("File " + path + " does not exist");
      }
      return statusOf(file, path);
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
      File file = pathToFile(path);
      if (!file.exists()) {
        throw new FileNotFoundException("File " + path + " does not exist");
      }
      if (!file.isDirectory()) {
        return new FileStatus[] {statusOf(file, path)};
      }

      String[] names = file.list();
      if (names == null) {
        throw new IOException("Cannot list the directory " + path + ": it is not readable");
      }
      List<FileStatus> statuses = new ArrayList<>(names.length);
      for (String name : names) {
        Path child = new Path(path, new Path(null, null, name));
        try {
          statuses.add(statusOf(new File(file, name), child));
        } catch (FileNotFoundException deletedMeanwhile) {
          // Hadoop's own listing skips a file removed between listing and reading it, too.
        }
      }
      return statuses.toArray(new FileStatus[0]);
    }

    private FileStatus statusOf(File file, Path path) throws IOException {
      Map<String, Object> attributes;
      try {
        attributes = Files.readAttributes(file.toPath(), UNIX_ATTRIBUTES);
      } catch (NoSuchFileException deleted) {
        throw new FileNotFoundException("File " + path + " does not exist");
      }
      int mode = (Integer) attributes.get("mode");
      return new FileStatus((Long) attributes.get("size"),
          (Boolean) attributes.get("isDirectory"), 1, getDefaultBlockSize(path),
          ((FileTime) attributes.get("lastModifiedTime")).toMillis(),
          ((FileTime) attributes.get("lastAccessTime")).toMillis(),
          new FsPermission((short) (mode & 07777)),
          ((UserPrincipal) attributes.get("owner")).getName(),
          ((GroupPrincipal) attributes.get("group")).getName(),
          makeQualified(new Path(file.getPath())));
    }

    private static Set<PosixFilePermission> posixPermissions(int mode) {
      Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
      PosixFilePermission[] inBitOrder = PosixFilePermission.values();
      for (int i = 0; i < inBitOrder.length; i++) {
        if ((mode & (0400 >> i)) != 0) {
          permissions.add(inBitOrder[i]);
        }
      }
      return permissions;
    }
  }
}
