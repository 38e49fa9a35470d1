package org.yibaoflow.evaluation;

import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.Institution;

/**
 * Where the evaluation gets an agreement's facts of the year. Its one implementation,
 * {@link RegistryEvaluationFacts}, reads the registry and the enforcement feature's agreement-points ledger
 * (violation-case decisions in effect, R-EVA-3).
 */
public interface EvaluationFactsSource {

  EvaluationFacts gather(Agreement agreement, Institution institution, int year);
}
