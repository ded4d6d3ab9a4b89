package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.erp.ConnectorException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The bridge's keyed records kept as Tryton notes ({@code ir.note}, core since Tryton 3.x): a
 * note's {@code resource} is the document it belongs to ({@code sale.sale,12}) and its {@code
 * message}'s first line is the key ({@code Bridge hold refund-1}), the rest is text for people.
 * Tryton's clients show the notes of any record (the note button with the count of unread notes),
 * so a Tryton user sees what the bridge recorded. Tryton has no unique index on notes:
 * <em>create, then verify</em> — the note with the lowest id among those with one key wins, a
 * loser deletes its own.
 */
final class TrytonNotes {
  private static final String MODEL = "ir.note";

  private final TrytonClient client;

  TrytonNotes(TrytonClient client) {
    this.client = client;
  }

  /** A note: its id, the record it belongs to, its key (first line) and the rest of its message. */
  record Note(long id, String resource, String key, String text) {}

  /** The notes on these records whose key starts with {@code keyPrefix}, lowest id first. */
  List<Note> on(Collection<String> resources, String keyPrefix) {
    if (resources.isEmpty()) {
      return List.of();
    }
    List<Note> notes = new ArrayList<>();
    for (JsonNode row : client.call(MODEL, "search_read", args(
        List.of(List.of("resource", "in", List.copyOf(resources)), List.of("message", "like", like(keyPrefix) + "%")),
        0, null, List.of(List.of("id", "ASC")), List.of("resource", "message")))) {
      String message = TrytonMapper.text(row, "message");
      if (message == null) {
        continue;
      }
      int newline = message.indexOf('\n');
      String key = newline < 0 ? message : message.substring(0, newline);
      if (key.startsWith(keyPrefix)) {
        notes.add(new Note(row.get("id").asLong(), row.get("resource").asString(), key,
            newline < 0 ? "" : message.substring(newline + 1)));
      }
    }
    return notes;
  }

  /** The note with exactly this key on one of these records (lowest id), if any. */
  Optional<Note> find(Collection<String> resources, String key) {
    return on(resources, key).stream().filter(n -> n.key().equals(key)).findFirst();
  }

  /** Adds one note per record, each with {@code key} and {@code text}. */
  void add(Collection<String> resources, String key, String text) {
    if (resources.isEmpty()) {
      return;
    }
    List<Map<String, Object>> values = new ArrayList<>();
    for (String resource : resources) {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("resource", resource);
      note.put("message", key + "\n" + text);
      values.add(note);
    }
    client.call(MODEL, "create", List.of(values));
  }

  /**
   * Creates the note {@code key} on {@code resource} unless one exists, then verifies: the note
   * with the lowest id wins and a note of this call that lost is deleted.
   *
   * @return the winning note and whether it is this call's
   */
  Claim claim(String resource, String key, String text) {
    Optional<Note> existing = find(List.of(resource), key);
    if (existing.isPresent()) {
      return new Claim(existing.get(), false);
    }
    long mine = client.call(MODEL, "create", List.of(List.of(Map.of("resource", resource, "message", key + "\n" + text))))
        .get(0).asLong();
    Note winner = find(List.of(resource), key).orElseThrow(() -> new ConnectorException(TrytonErrorCode.SERVER_FAULT, false,
        "Tryton lost note " + mine + " '" + key + "'"));
    if (winner.id() != mine) {
      client.call(MODEL, "delete", List.of(List.of(mine)));
    }
    return new Claim(winner, winner.id() == mine);
  }

  /** The outcome of {@link #claim}. */
  record Claim(Note note, boolean mine) {}

  /** A Tryton reference value naming a record, e.g. {@code sale.sale,12}. */
  static String resource(String model, long id) {
    return model + "," + id;
  }

  /** {@code text} as a literal SQL {@code like} pattern (Tryton's default escape is {@code \}). */
  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
