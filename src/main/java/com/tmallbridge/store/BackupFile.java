package com.tmallbridge.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The encrypted container of a backup: a header in clear (what it holds, the key's fingerprint),
 * then the payload in segments of at most 1 MiB, each sealed with AES-256-GCM. A segment's nonce
 * is the file's random 8-byte salt followed by the segment's number, and its associated data is
 * the header, the number and whether it is the last, so a changed header, a changed, reordered,
 * removed or repeated segment and a cut-off file all fail to open. Segments keep memory flat
 * however large the database.
 *
 * <pre>
 * "TBBK" version(1 byte = 1) headerLength(int) header(UTF-8 JSON) salt(8 bytes)
 * then per segment: last(1 byte) cipherLength(int) ciphertext+tag
 * </pre>
 */
final class BackupFile {
  static final byte[] MAGIC = "TBBK".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int SEGMENT = 1 << 20;
  private static final int TAG_BITS = 128;

  private BackupFile() {}

  /** Writes the header, then {@code payload} sealed segment by segment, to {@code out}. */
  static void seal(BackupKey key, String header, InputStream payload, OutputStream out) throws IOException {
    byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
    byte[] salt = new byte[8];
    new SecureRandom().nextBytes(salt);
    DataOutputStream data = new DataOutputStream(out);
    data.write(MAGIC);
    data.writeByte(VERSION);
    data.writeInt(headerBytes.length);
    data.write(headerBytes);
    data.write(salt);
    byte[] current = payload.readNBytes(SEGMENT);
    int index = 0;
    while (true) {
      byte[] next = current.length < SEGMENT ? new byte[0] : payload.readNBytes(SEGMENT);
      boolean last = next.length == 0;
      byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, salt, index, last, headerBytes, current);
      data.writeByte(last ? 1 : 0);
      data.writeInt(sealed.length);
      data.write(sealed);
      if (last) {
        break;
      }
      current = next;
      index++;
    }
    data.flush();
  }

  /** The header of a backup, read without the key. */
  static String header(InputStream in) throws IOException {
    return new String(readHeader(new DataInputStream(in)), StandardCharsets.UTF_8);
  }

  /**
   * Checks and decrypts a backup into {@code payload}; returns its header.
   *
   * @throws IllegalArgumentException when the file is not a backup, or it was changed or cut short
   */
  static String open(BackupKey key, InputStream in, OutputStream payload) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] headerBytes = readHeader(data);
    byte[] salt = data.readNBytes(8);
    int index = 0;
    try {
      while (true) {
        int last = data.readUnsignedByte();
        int length = data.readInt();
        if (length < 16 || length > SEGMENT + 16) {
          throw damaged("segment " + index + " has an impossible length");
        }
        byte[] sealed = data.readNBytes(length);
        if (sealed.length != length) {
          throw damaged("it ends inside segment " + index);
        }
        payload.write(crypt(Cipher.DECRYPT_MODE, key, salt, index, last == 1, headerBytes, sealed));
        if (last == 1) {
          if (data.read() != -1) {
            throw damaged("bytes follow its last segment");
          }
          return new String(headerBytes, StandardCharsets.UTF_8);
        }
        index++;
      }
    } catch (EOFException e) {
      throw damaged("it ends after segment " + (index - 1) + " without its last one");
    }
  }

  private static byte[] readHeader(DataInputStream data) throws IOException {
    byte[] magic = data.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalArgumentException("not a TmallBridge backup (it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
    }
    int version = data.readUnsignedByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("a backup of format " + version + "; this bridge reads format " + VERSION);
    }
    int length = data.readInt();
    if (length < 2 || length > 1 << 20) {
      throw damaged("its header length is impossible");
    }
    return data.readNBytes(length);
  }

  private static byte[] crypt(int mode, BackupKey key, byte[] salt, int index, boolean last, byte[] header, byte[] input) {
    try {
      byte[] nonce = ByteBuffer.allocate(12).put(salt).putInt(index).array();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      cipher.updateAAD(ByteBuffer.allocate(5).putInt(index).put((byte) (last ? 1 : 0)).array());
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw damaged("segment " + index + " does not open with this key: the file was changed, or it was written with another key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java platform", e);
    }
  }

  private static IllegalArgumentException damaged(String why) {
    return new IllegalArgumentException("the backup is damaged or was changed: " + why);
  }
}
