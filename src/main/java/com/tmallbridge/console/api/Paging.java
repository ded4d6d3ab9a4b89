package com.tmallbridge.console.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page request of a list endpoint: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}.
 * A list reads one row more than the page to tell whether another page follows.
 */
record Paging(int page, int size) {
  static final int MAX_SIZE = 200;

  /** @throws ResponseStatusException 400 naming the parameter when out of range */
  static Paging of(int page, int size) {
    if (page < 0) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more, got " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    return new Paging(page, size);
  }

  int offset() {
    return page * size;
  }

  /** How many rows to read: one more than the page. */
  int probe() {
    return size + 1;
  }

  /** The page of {@code rows} (read with {@link #offset()} and {@link #probe()}). */
  <T> PageOf<T> page(List<T> rows) {
    return new PageOf<>(rows.size() > size ? List.copyOf(rows.subList(0, size)) : List.copyOf(rows), page, size, rows.size() > size);
  }
}
