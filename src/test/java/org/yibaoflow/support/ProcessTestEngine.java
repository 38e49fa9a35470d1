package org.yibaoflow.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The engine of the process tests, with coverage (reports under target/process-test-coverage). */
public final class ProcessTestEngine {

  private ProcessTestEngine() {
  }

  public static ProcessEngineCoverageExtension extension() {
    return ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml").build();
  }
}
