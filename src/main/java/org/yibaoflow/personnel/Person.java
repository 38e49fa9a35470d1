package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A qualified person (医保支付资格相关人员) [004 §一]; one person one national code (R-PERS-1). */
public record Person(Long id, String region, String nationalCode, String idNumber, String name, String category,
    LocalDate birthDate, OffsetDateTime createdAt) {
}
