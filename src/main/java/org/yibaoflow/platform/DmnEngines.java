package org.yibaoflow.platform;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A standalone DMN engine for tables evaluated in bulk in memory (the expense review's claim screening, R-VIO-13:
 * up to 100,000 claims a batch). It uses Camunda's legacy FEEL behaviour (the Java unary-test engine): input
 * entries are simple unary tests (comparisons, ranges, lists, string literals), evaluated about 40 times faster than
 * with the Scala FEEL engine measured on this project's tables (docs/expense-review.md). The one engine-internal
 * ({@code impl}) use of this feature, kept here with the others.
 */
public final class DmnEngines {

  private DmnEngines() {
  }

  public static DmnEngine bulk() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(true);
    return configuration.buildEngine();
  }
}
