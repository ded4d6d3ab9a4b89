package com.tmallbridge.console.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the rows of this page
 * @param page its number, from 0
 * @param size the page size asked for
 * @param hasNext whether another page follows
 */
public record PageOf<T>(List<T> items, int page, int size, boolean hasNext) {}
