package org.yibaoflow.insured;

import java.time.OffsetDateTime;

/**
 * An insured person (参保人) as the agency of the region where the person is insured knows them, minimal for R-VIO-12
 * [000 §二(四)]: citizen identity number (GB 11643, checked like the personnel's), name, region (the tenant).
 */
public record InsuredPerson(Long id, String region, String idNumber, String name, String createdBy,
    OffsetDateTime createdAt) {
}
