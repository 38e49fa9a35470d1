package org.yibaoflow.platform;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AuditMapper {

  @Insert("""
      INSERT INTO audit_log (region, entity_type, entity_id, action, from_state, to_state, rule_id, reason, actor,
        process_instance_id, details, occurred_at)
      VALUES (#{region}, #{entityType}, #{entityId}, #{action}, #{fromState}, #{toState}, #{ruleId}, #{reason},
        #{actor}, #{processInstanceId}, #{details}, #{occurredAt})
      """)
  void insert(AuditEntry entry);

  @Select("""
      SELECT id, region, entity_type, entity_id, action, from_state, to_state, rule_id, reason, actor,
             process_instance_id, details, occurred_at
        FROM audit_log WHERE entity_type = #{entityType} AND entity_id = #{entityId}
       ORDER BY occurred_at, id
      """)
  List<AuditEntry> findByEntity(@Param("entityType") String entityType, @Param("entityId") String entityId);
}
