package org.yibaoflow.institution;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface InstitutionMapper {

  void insert(Institution institution);

  Institution find(@Param("id") long id);

  Institution findByCode(@Param("region") String region, @Param("code") String code);

  /** Institutions whose credit code or institution code is the identifier, in any region. */
  List<Institution> findByIdentifier(@Param("identifier") String identifier);

  List<InstitutionSummary> search(@Param("regions") List<String> regions, @Param("region") String region,
      @Param("namePattern") String namePattern, @Param("type") String type, @Param("state") String state,
      @Param("today") LocalDate today, @Param("limit") int limit, @Param("offset") long offset);

  long count(@Param("regions") List<String> regions, @Param("region") String region,
      @Param("namePattern") String namePattern, @Param("type") String type, @Param("state") String state);

  void insertLicence(Licence licence);

  List<Licence> licences(@Param("institutionId") long institutionId);

  /** R-VIO-3/4: marks a licence revoked; 0 rows when it is not the institution's or already revoked. */
  int revokeLicence(@Param("institutionId") long institutionId, @Param("id") long id,
      @Param("revokedOn") java.time.LocalDate revokedOn, @Param("reason") String reason);

  void insertPenalty(Penalty penalty);

  List<Penalty> penalties(@Param("institutionId") long institutionId);

  void insertBan(Ban ban);

  List<Ban> bans(@Param("institutionId") long institutionId);

  Ban banOfAgreement(@Param("agreementId") long agreementId);

  /** Bans on the credit code, or on the credit code of institutions with this code, in any region. */
  List<Ban> bansByIdentifier(@Param("identifier") String identifier);
}
