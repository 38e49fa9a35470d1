package org.yibaoflow.platform;

/**
 * One part of the demo data (demo profile). {@link DemoSeeding} runs every part, in {@code @Order}, in one
 * transaction under {@link EngineLock}; a part checks what exists before adding, so a restart or a second node
 * adds nothing.
 */
public interface DemoSeeder {

  void seed();
}
