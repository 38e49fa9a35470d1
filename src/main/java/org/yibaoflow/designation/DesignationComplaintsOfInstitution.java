package org.yibaoflow.designation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.DesignationComplaints;

/** R-DES-3 for the register: the unverified public-notice complaints of an institution's designations. */
@Component
class DesignationComplaintsOfInstitution implements DesignationComplaints {

  private final DesignationMapper mapper;

  DesignationComplaintsOfInstitution(DesignationMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  @Transactional(readOnly = true)
  public int unverified(String region, String creditCode) {
    return mapper.countOpenComplaintsOfInstitution(region, creditCode);
  }
}
