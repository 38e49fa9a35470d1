package org.yibaoflow.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DocumentMapper {

  String COLUMNS = "id, region, case_no, root_case_no, kind, occasion, doc_number AS number, file_name, sha256, "
      + "template_sha256, process_instance_id, created_by, created_at, served_on, service_method, served_by, service_recorded_by, "
      + "service_recorded_at";

  /** A new document row; the generated key lands in {@code row.id}. */
  final class NewRow {
    Long id;
    String region;
    String caseNo;
    String rootCaseNo;
    String kind;
    String occasion;
    String number;
    String prefix;
    int year;
    long seq;
    String fileName;
    byte[] content;
    String sha256;
    String templateSha256;
    String processInstanceId;
    String createdBy;
    OffsetDateTime createdAt;
  }

  @Insert("INSERT INTO document (region, case_no, root_case_no, kind, occasion, doc_number, num_prefix, num_year, "
      + "num_seq, file_name, content, sha256, template_sha256, process_instance_id, created_by, created_at) VALUES "
      + "(#{region}, #{caseNo}, #{rootCaseNo}, #{kind}, #{occasion}, #{number}, #{prefix}, #{year}, #{seq}, "
      + "#{fileName}, #{content}, #{sha256}, #{templateSha256}, #{processInstanceId}, #{createdBy}, #{createdAt})")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insert(NewRow row);

  @Select("SELECT " + COLUMNS + " FROM document WHERE case_no = #{caseNo} AND kind = #{kind} AND occasion = #{occasion}")
  Document findByOccasion(@Param("caseNo") String caseNo, @Param("kind") String kind,
      @Param("occasion") String occasion);

  @Select("SELECT " + COLUMNS + " FROM document WHERE id = #{id}")
  Document find(@Param("id") long id);

  /** The documents of a kind a process instance generated, newest first (the step that serves the latest). */
  @Select("SELECT " + COLUMNS + " FROM document WHERE process_instance_id = #{pi} AND kind = #{kind} ORDER BY id DESC")
  List<Document> ofProcess(@Param("pi") String processInstanceId, @Param("kind") String kind);

  /** A list, not byte[]: MyBatis would read an array return type as many rows. */
  @Select("SELECT content FROM document WHERE id = #{id}")
  List<byte[]> content(@Param("id") long id);

  @Select("SELECT " + COLUMNS + " FROM document WHERE case_no = #{caseNo} OR root_case_no = #{caseNo} ORDER BY id")
  List<Document> ofCase(@Param("caseNo") String caseNo);

  @Update("UPDATE document SET served_on = #{servedOn}, service_method = #{method}, served_by = #{servedBy}, "
      + "service_recorded_by = #{recordedBy}, service_recorded_at = #{at} WHERE id = #{id} AND served_on IS NULL")
  int recordService(@Param("id") long id, @Param("servedOn") LocalDate servedOn, @Param("method") String method,
      @Param("servedBy") String servedBy, @Param("recordedBy") String recordedBy, @Param("at") OffsetDateTime at);

  // ------------------------------------------------------------------ numbering (文号)

  @Update("UPDATE document_number_counter SET last_value = last_value + 1 "
      + "WHERE region = #{region} AND num_prefix = #{prefix} AND num_year = #{year}")
  int increment(@Param("region") String region, @Param("prefix") String prefix, @Param("year") int year);

  @Insert("INSERT INTO document_number_counter (region, num_prefix, num_year, last_value) "
      + "VALUES (#{region}, #{prefix}, #{year}, 0)")
  void createCounter(@Param("region") String region, @Param("prefix") String prefix, @Param("year") int year);

  @Select("SELECT last_value FROM document_number_counter "
      + "WHERE region = #{region} AND num_prefix = #{prefix} AND num_year = #{year}")
  long current(@Param("region") String region, @Param("prefix") String prefix, @Param("year") int year);

  // ------------------------------------------------------------------ scheme and templates of a region

  /** One row of a region's scheme: kind '*' is the region default. */
  record SchemeRow(String region, String kind, String prefix, String agencyName) {
  }

  @Select("SELECT region, kind, num_prefix AS prefix, agency_name FROM document_scheme WHERE region = #{region} "
      + "ORDER BY kind")
  List<SchemeRow> scheme(@Param("region") String region);

  @Update("UPDATE document_scheme SET num_prefix = #{prefix}, agency_name = #{agencyName}, updated_by = #{by}, "
      + "updated_at = #{at} WHERE region = #{region} AND kind = #{kind}")
  int updateScheme(@Param("region") String region, @Param("kind") String kind, @Param("prefix") String prefix,
      @Param("agencyName") String agencyName, @Param("by") String by, @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO document_scheme (region, kind, num_prefix, agency_name, updated_by, updated_at) "
      + "VALUES (#{region}, #{kind}, #{prefix}, #{agencyName}, #{by}, #{at})")
  void insertScheme(@Param("region") String region, @Param("kind") String kind, @Param("prefix") String prefix,
      @Param("agencyName") String agencyName, @Param("by") String by, @Param("at") OffsetDateTime at);

  @Select("SELECT content FROM document_template WHERE region = #{region} AND kind = #{kind}")
  List<byte[]> template(@Param("region") String region, @Param("kind") String kind);

  @Update("UPDATE document_template SET content = #{content}, sha256 = #{sha256}, uploaded_by = #{by}, "
      + "uploaded_at = #{at} WHERE region = #{region} AND kind = #{kind}")
  int updateTemplate(@Param("region") String region, @Param("kind") String kind, @Param("content") byte[] content,
      @Param("sha256") String sha256, @Param("by") String by, @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO document_template (region, kind, content, sha256, uploaded_by, uploaded_at) "
      + "VALUES (#{region}, #{kind}, #{content}, #{sha256}, #{by}, #{at})")
  void insertTemplate(@Param("region") String region, @Param("kind") String kind, @Param("content") byte[] content,
      @Param("sha256") String sha256, @Param("by") String by, @Param("at") OffsetDateTime at);
}
