package org.yibaoflow.whistleblower;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests of the public reporting page per client (address) in a fixed window: {@code report-limit} reports and
 * {@code query-limit} status queries per {@code window}; beyond that 429 with Retry-After until the window ends.
 * Counters are per node, in memory, bounded like the login throttle's.
 */
@Component
class PublicRateLimit {

  enum Kind { REPORT, QUERY }

  static final int MAX_ENTRIES = 100_000;

  private record Window(Instant start, int count) {
  }

  private final int reportLimit;
  private final int queryLimit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @Autowired
  PublicRateLimit(@Value("${yibao.whistleblower.public.report-limit:5}") int reportLimit,
      @Value("${yibao.whistleblower.public.query-limit:30}") int queryLimit,
      @Value("${yibao.whistleblower.public.window:PT1H}") Duration window) {
    this(reportLimit, queryLimit, window, Clock.systemUTC());
  }

  PublicRateLimit(int reportLimit, int queryLimit, Duration window, Clock clock) {
    this.reportLimit = reportLimit;
    this.queryLimit = queryLimit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts the request; empty = go ahead, else how long the client must wait. */
  Optional<Duration> acquire(Kind kind, String client) {
    Instant now = clock.instant();
    if (windows.size() >= MAX_ENTRIES) {
      windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
    }
    int limit = kind == Kind.REPORT ? reportLimit : queryLimit;
    Window w = windows.compute(kind + "|" + client, (k, old) -> old == null || !old.start().plus(window).isAfter(now)
        ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
    return w.count() <= limit ? Optional.empty() : Optional.of(Duration.between(now, w.start().plus(window)));
  }
}
