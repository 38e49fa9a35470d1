package org.yibaoflow.expensereview.process;

import org.yibaoflow.expensereview.ExpenseReviewService;

/** The stage of a claim task or its recording step, from the activity id (never from a variable a user could set). */
final class Stages {

  private Stages() {
  }

  static String of(String activityId) {
    return activityId.contains("Verif") ? ExpenseReviewService.SCREENING : ExpenseReviewService.SAMPLE;
  }
}
