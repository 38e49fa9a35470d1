package org.yibaoflow.evaluation;

import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.Institution;

/**
 * Where the evaluation gets an agreement's facts of the year. The port to the enforcement feature (violation
 * cases, measures, agreement points): {@link RegistryEvaluationFacts} reads what the registry has; a bean
 * marked {@code @Primary} in enforcement replaces it once violation cases and points are recorded there.
 */
public interface EvaluationFactsSource {

  EvaluationFacts gather(Agreement agreement, Institution institution, int year);
}
