package org.yibaoflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins are throttled per client and per user name, without letting anyone lock a user out:
 * <ul>
 *   <li>a client with {@code client-limit} failures within {@code window} waits {@code block} (any user name);</li>
 *   <li>a client with {@code client-user-limit} failures for one user name waits {@code block} for that name;</li>
 *   <li>a user name with {@code user-limit} failures from anywhere is under attack for {@code block}: every client
 *       that failed for it even once waits, while a client that has not (the user at their own desk) logs in.</li>
 * </ul>
 * A refused attempt checks no password and counts nothing. A success clears the client's failures for that name.
 * The engine's own per-user lockout is off ({@code login-max-attempts}, {@code login-delay-base} in application.yml):
 * it refused the right password after wrong ones from anybody. Counters are per node, in memory.
 */
@Component
public class LoginThrottle {

  /** What a refused attempt is told: wait this long. */
  public record Refusal(Duration retryAfter) {

    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  private static final class Counter {
    int failures;
    Instant windowStart;
    Instant blockedUntil;
  }

  /** Bound on remembered clients and names; expired counters are dropped when it is reached. */
  static final int MAX_ENTRIES = 100_000;

  private final int clientLimit;
  private final int clientUserLimit;
  private final int userLimit;
  private final Duration window;
  private final Duration block;
  private final Clock clock;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  @Autowired
  LoginThrottle(@Value("${yibao.security.login-throttle.client-limit:20}") int clientLimit,
      @Value("${yibao.security.login-throttle.client-user-limit:5}") int clientUserLimit,
      @Value("${yibao.security.login-throttle.user-limit:10}") int userLimit,
      @Value("${yibao.security.login-throttle.window:PT15M}") Duration window,
      @Value("${yibao.security.login-throttle.block:PT5M}") Duration block) {
    this(clientLimit, clientUserLimit, userLimit, window, block, Clock.systemUTC());
  }

  LoginThrottle(int clientLimit, int clientUserLimit, int userLimit, Duration window, Duration block, Clock clock) {
    this.clientLimit = clientLimit;
    this.clientUserLimit = clientUserLimit;
    this.userLimit = userLimit;
    this.window = window;
    this.block = block;
    this.clock = clock;
  }

  /** Whether this client may try a password for this user name now; empty = go ahead. */
  public Optional<Refusal> check(String client, String userName) {
    Instant now = clock.instant();
    Optional<Refusal> refused = blocked(clientKey(client), now);
    if (refused.isPresent()) {
      return refused;
    }
    refused = blocked(pairKey(client, userName), now);
    if (refused.isPresent()) {
      return refused;
    }
    Counter pair = counters.get(pairKey(client, userName));
    if (pair != null && live(pair, now) && pair.failures > 0) {
      return blocked(userKey(userName), now);
    }
    return Optional.empty();
  }

  public void failed(String client, String userName) {
    Instant now = clock.instant();
    if (counters.size() >= MAX_ENTRIES) {
      counters.values().removeIf(c -> !live(c, now));
    }
    count(clientKey(client), clientLimit, now);
    count(pairKey(client, userName), clientUserLimit, now);
    count(userKey(userName), userLimit, now);
  }

  public void succeeded(String client, String userName) {
    counters.remove(pairKey(client, userName));
  }

  private void count(String key, int limit, Instant now) {
    counters.compute(key, (k, c) -> {
      Counter counter = c == null || !live(c, now) ? new Counter() : c;
      if (counter.windowStart == null) {
        counter.windowStart = now;
      }
      counter.failures++;
      if (counter.failures >= limit) {
        counter.blockedUntil = now.plus(block);
      }
      return counter;
    });
  }

  private Optional<Refusal> blocked(String key, Instant now) {
    Counter c = counters.get(key);
    if (c == null || c.blockedUntil == null || !c.blockedUntil.isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(Duration.between(now, c.blockedUntil)));
  }

  /** A counter still matters: its window is running or its block has not ended. */
  private boolean live(Counter c, Instant now) {
    return (c.windowStart != null && c.windowStart.plus(window).isAfter(now))
        || (c.blockedUntil != null && c.blockedUntil.isAfter(now));
  }

  private static String clientKey(String client) {
    return "c|" + client;
  }

  private static String userKey(String userName) {
    return "u|" + normalise(userName);
  }

  private static String pairKey(String client, String userName) {
    return "p|" + client + "|" + normalise(userName);
  }

  private static String normalise(String userName) {
    return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
  }
}
