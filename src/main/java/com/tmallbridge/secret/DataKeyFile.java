package com.tmallbridge.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key file: the data key ring as text, readable by its owner only (0600). Created with one fresh
 * key when it is missing.
 */
final class DataKeyFile {
  private final Path file;

  DataKeyFile(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  Path path() {
    return file;
  }

  /** The ring in the file; writes a new file with one fresh key first when there is none. */
  DataKeyRing loadOrCreate() {
    if (!Files.exists(file)) {
      try {
        write(DataKeyRing.fresh(), false);
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof FileAlreadyExistsException)) {
          throw e;
        }
      }
    }
    return load();
  }

  DataKeyRing load() {
    try {
      return DataKeyRing.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the data key file " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /** Adds a fresh active key to the file and returns the new ring. */
  DataKeyRing rotate() {
    DataKeyRing next = load().withNewKey();
    write(next, true);
    return next;
  }

  private void write(DataKeyRing ring, boolean replace) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp;
      try {
        tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new");
      }
      Files.writeString(tmp, ring.encoded(), StandardCharsets.UTF_8);
      if (replace) {
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        try {
          Files.move(tmp, file);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
