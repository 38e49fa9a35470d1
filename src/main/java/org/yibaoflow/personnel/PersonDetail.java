package org.yibaoflow.personnel;

import java.util.List;

/** A person with the agreements of all their practice sites. */
public record PersonDetail(Person person, List<PersonAgreement> agreements) {
}
