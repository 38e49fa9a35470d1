package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibaoflow.support.IntegrationTest;

/**
 * Issue 20 item 4: two nodes starting together on one database deploy a changed file once and seed the demo
 * once. Two threads stand for the two nodes (each with its own transaction and connection, as two JVMs would
 * have); the engine's deployment lock in the database is what keeps them apart.
 */
@IntegrationTest
class StartupRaceIT {

  @Autowired
  ProcessDeployer deployer;
  @Autowired
  EngineLock lock;
  @Autowired
  DemoSeeding seeding;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identity;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  FilterService filters;

  @Test
  void twoNodesWithAChangedFileDeployItOnce() throws Exception {
    // what every node ships, plus one new form (a new form is a change that makes no new process version, so
    // the other ITs sharing this engine see the same latest definitions)
    String id = "startupRace" + UUID.randomUUID().toString().replace("-", "");
    String name = "forms/" + id + ".form";
    Map<String, byte[]> shipped = new TreeMap<>(deployer.shippedResources());
    shipped.put(name, ("{\"id\":\"" + id + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":[]}")
        .getBytes(StandardCharsets.UTF_8));
    long before = deploymentCount();

    List<Deployment> results = bothAtOnce(() -> deployer.deploy(shipped));

    assertThat(results.stream().filter(Objects::nonNull).toList()).as("exactly one node deploys").hasSize(1);
    assertThat(deploymentCount()).isEqualTo(before + 1);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).list()
        .stream().filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains(name)).count())
        .isEqualTo(1);
  }

  @Test
  void workUnderTheLockNeverOverlaps() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();

    bothAtOnce(() -> lock.exclusively(() -> {
      mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
      return null;
    }));

    assertThat(mostAtOnce.get()).as("the second waits for the first to commit").isEqualTo(1);
  }

  @Test
  void twoNodesSeedingTogetherBothSucceedAndAddNothingTwice() throws Exception {
    long users = identity.createUserQuery().count();
    long tenants = identity.createTenantQuery().count();
    long authorizationCount = authorizations.createAuthorizationQuery().count();
    long filterCount = filters.createFilterQuery().count();

    bothAtOnce(() -> {
      seeding.seed();
      return null;
    });

    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createTenantQuery().count()).isEqualTo(tenants);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
  }

  private long deploymentCount() {
    return repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count();
  }

  /** Runs {@code work} on two threads released together; rethrows the first failure. */
  private static <T> List<T> bothAtOnce(Callable<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return work.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
