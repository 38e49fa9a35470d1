package org.yibaoflow.institution;

import java.util.List;

/** An institution with its licences, penalties, agreements (newest first) and bans. */
public record InstitutionDetail(Institution institution, List<Licence> licences, List<Penalty> penalties,
    List<Agreement> agreements, List<Ban> bans) {
}
