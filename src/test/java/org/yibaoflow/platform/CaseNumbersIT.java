package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.support.IntegrationTest;

/**
 * Case numbers under concurrency, on the suite's database (H2, and PostgreSQL in CI): several cases asking for
 * the first number of a new key at once all succeed with distinct numbers. On PostgreSQL a duplicate key inside
 * the case's own transaction would abort it, so the counter row is created in a transaction of its own.
 */
@IntegrationTest
class CaseNumbersIT {

  @Autowired
  CaseNumbers caseNumbers;
  @Autowired
  TransactionTemplate transactions;

  @Test
  void concurrentFirstNumbersOfANewKeyAreAllDrawnAndDistinct() throws Exception {
    String region = "race-" + System.nanoTime();
    int parallel = 4;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> drawn = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        drawn.add(pool.submit(() -> {
          start.await();
          return transactions.execute(status -> caseNumbers.next("RACE", region));
        }));
      }
      start.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<String> f : drawn) {
        numbers.add(f.get());
      }
      String year = numbers.get(0).split("-")[1];
      assertThat(numbers).containsExactlyInAnyOrder("RACE-" + year + "-" + region + "-000001",
          "RACE-" + year + "-" + region + "-000002", "RACE-" + year + "-" + region + "-000003",
          "RACE-" + year + "-" + region + "-000004");
    } finally {
      pool.shutdownNow();
    }
  }
}
