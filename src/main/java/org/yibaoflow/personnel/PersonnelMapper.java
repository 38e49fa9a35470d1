package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PersonnelMapper {

  void insert(Person person);

  Person find(@Param("id") long id);

  Person findByNationalCode(@Param("nationalCode") String nationalCode);

  Person findByIdNumber(@Param("idNumber") String idNumber);

  List<Person> search(@Param("regions") List<String> regions, @Param("region") String region,
      @Param("namePattern") String namePattern, @Param("category") String category, @Param("state") String state,
      @Param("institutionId") Long institutionId, @Param("limit") int limit, @Param("offset") long offset);

  long count(@Param("regions") List<String> regions, @Param("region") String region,
      @Param("namePattern") String namePattern, @Param("category") String category, @Param("state") String state,
      @Param("institutionId") Long institutionId);

  void insertAgreement(PersonAgreement agreement);

  List<PersonAgreement> agreementsOf(@Param("personId") long personId);

  /** The person agreements at an institution, in a stable order (id). */
  List<PersonAgreement> agreementsAt(@Param("institutionId") long institutionId);

  /** Optimistic lock: 0 rows when the person's agreement changed since it was read. */
  int updateAgreement(@Param("id") long id, @Param("expectedVersion") long expectedVersion,
      @Param("state") String state, @Param("suspendedUntil") LocalDate suspendedUntil,
      @Param("barUntil") LocalDate barUntil, @Param("followsInstitution") boolean followsInstitution,
      @Param("stateSince") OffsetDateTime stateSince);
}
