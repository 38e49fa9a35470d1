package org.yibaoflow.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: seeds the demo data once however many nodes start together on one database. All
 * {@link DemoSeeder}s (in their {@code @Order}) run in one transaction holding the engine's exclusive lock
 * ({@link EngineLock}), so a second node waits for the first to commit and then finds everything there.
 */
@Component
@Profile("demo")
class DemoSeeding implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeding.class);

  private final EngineLock lock;
  private final List<DemoSeeder> seeders;

  DemoSeeding(EngineLock lock, List<DemoSeeder> seeders) {
    this.lock = lock;
    this.seeders = seeders;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  void seed() {
    lock.exclusively(() -> seeders.forEach(DemoSeeder::seed));
    LOG.info("Demo data seeded by {} seeders under the engine's deployment lock", seeders.size());
  }
}
