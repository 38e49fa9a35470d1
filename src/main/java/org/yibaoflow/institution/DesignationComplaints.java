package org.yibaoflow.institution;

/**
 * R-DES-3 seen from the register: "while a complaint is unverified no agreement may be signed". The designation
 * feature answers it (the register does not know designation applications); an import of an existing agreement
 * asks before writing an ACTIVE one.
 */
public interface DesignationComplaints {

  /** Unverified complaints on designation applications of the institution (by region and credit code). */
  int unverified(String region, String creditCode);
}
