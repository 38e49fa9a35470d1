package org.yibaoflow.institution;

import java.util.List;

/** One page of a list: {@code page} counts from 0, {@code size} is at most 100. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int MAX_SIZE = 100;
}
