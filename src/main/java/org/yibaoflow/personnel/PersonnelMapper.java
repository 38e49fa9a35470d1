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

  PersonAgreement findAgreement(@Param("id") long id);

  /** The person agreements at an institution, in a stable order (id). */
  List<PersonAgreement> agreementsAt(@Param("institutionId") long institutionId);

  /** Optimistic lock: 0 rows when the person's agreement changed since it was read. */
  int updateAgreement(@Param("id") long id, @Param("expectedVersion") long expectedVersion,
      @Param("state") String state, @Param("suspendedUntil") LocalDate suspendedUntil,
      @Param("barUntil") LocalDate barUntil, @Param("followsInstitution") boolean followsInstitution,
      @Param("stateSince") OffsetDateTime stateSince);

  /** R-PERS-1: agreements whose term ended before {@code today} that renew by itself (not terminated, not cancelled). */
  List<PersonAgreement> dueForRenewal(@Param("today") LocalDate today, @Param("limit") int limit);

  /** R-PERS-1: extends the term; 0 rows when another sweep renewed it first (or it was cancelled meanwhile). */
  int renew(@Param("id") long id, @Param("expectedValidUntil") LocalDate expectedValidUntil,
      @Param("validUntil") LocalDate validUntil);

  /** R-PERS-1: records the cancellation; 0 rows when one is recorded already. */
  int cancel(@Param("id") long id, @Param("cancelledOn") LocalDate cancelledOn, @Param("reason") String reason);

  /** A new agreement at a site where the person had one (after its bar, R-PERS-2/8), optimistic lock. */
  int signAgain(@Param("id") long id, @Param("expectedVersion") long expectedVersion, @Param("state") String state,
      @Param("validFrom") LocalDate validFrom, @Param("validUntil") LocalDate validUntil,
      @Param("followsInstitution") boolean followsInstitution, @Param("stateSince") OffsetDateTime stateSince);
}
