package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A yearly test result (R-PERS-2): the exam form follows the age on the test date (closed book under 50,
 * open book from 50).
 */
public record PersonTest(Long id, Long personId, LocalDate testedOn, String examForm, Integer age, Boolean passed,
    Integer score, OffsetDateTime recordedAt) {

  public static final String CLOSED_BOOK = "CLOSED_BOOK";
  public static final String OPEN_BOOK = "OPEN_BOOK";
}
