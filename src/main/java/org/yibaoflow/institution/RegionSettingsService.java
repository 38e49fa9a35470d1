package org.yibaoflow.institution;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * Region settings: durations and thresholds per region (configuration, not code). A region without its
 * own value gets the shipped default {@code yibao.region-defaults.<key>}, so a new region works out of
 * the box. Readable by the region's users, changed by administrators (camunda-admin), audited.
 */
@Service
public class RegionSettingsService {

  static final String ENTITY = "REGION_SETTING";
  static final String PREFIX = "yibao.region-defaults.";

  private final RegionSettingMapper mapper;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;
  private final Map<RegionSetting, Integer> defaults;

  @Autowired
  RegionSettingsService(RegionSettingMapper mapper, RegionAccess regions, AuditService audit, Clock clock,
      Environment environment) {
    this(mapper, regions, audit, clock, readDefaults(environment));
  }

  RegionSettingsService(RegionSettingMapper mapper, RegionAccess regions, AuditService audit, Clock clock,
      Map<RegionSetting, Integer> defaults) {
    this.mapper = mapper;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
    this.defaults = new EnumMap<>(defaults);
  }

  /** Every setting must have a valid shipped default; a missing or wrong one stops the start-up. */
  static Map<RegionSetting, Integer> readDefaults(Environment environment) {
    Map<RegionSetting, Integer> defaults = new EnumMap<>(RegionSetting.class);
    for (RegionSetting s : RegionSetting.values()) {
      Integer value = environment.getProperty(PREFIX + s.key(), Integer.class);
      if (value == null || value < s.min() || value > s.max()) {
        throw new IllegalStateException("yibao.region-defaults." + s.key() + " (" + s.ruleId() + ") must be set to "
            + s.min() + ".." + s.max() + ", is " + value);
      }
      defaults.put(s, value);
    }
    return defaults;
  }

  /** The value in force for the region: its own, else the shipped default. No access check (for services). */
  @Transactional(readOnly = true)
  public int value(String region, RegionSetting setting) {
    RegionSettingRow row = mapper.find(region, setting.key());
    return row != null ? row.settingValue() : defaults.get(setting);
  }

  public int defaultValue(RegionSetting setting) {
    return defaults.get(setting);
  }

  /** All settings of a region the current user belongs to (404 for other regions). */
  @Transactional(readOnly = true)
  public List<RegionSettingValue> list(String region) {
    requireVisible(region);
    Map<String, RegionSettingRow> own = mapper.findByRegion(region).stream()
        .collect(Collectors.toMap(RegionSettingRow::settingKey, Function.identity()));
    return Arrays.stream(RegionSetting.values()).map(s -> view(region, s, own.get(s.key()))).toList();
  }

  /** Changes one setting of a region: administrators of that region only, validated, audited. */
  @Transactional
  public RegionSettingValue update(String region, String key, Integer value, String reason) {
    requireVisible(region);
    RegionSetting setting = RegionSetting.byKey(key)
        .orElseThrow(() -> DomainRuleException.notFound("地区参数 / region setting", key));
    validate(setting, value);
    if (reason == null || reason.isBlank()) {
      throw DomainRuleException.badRequest("reason", setting.ruleId(), "修改地区参数须说明理由",
          "A change of a region setting needs a reason");
    }
    RegionSettingRow before = mapper.find(region, key);
    int old = before != null ? before.settingValue() : defaults.get(setting);
    write(region, setting, value, before);
    audit.record(AuditEntry.of(region, ENTITY, region + ":" + key, "SETTING_CHANGED", String.valueOf(old),
        String.valueOf(value), setting.ruleId(), reason, null, "unit=" + setting.unit()));
    return view(region, setting, mapper.find(region, key));
  }

  /** Seeds a region's value when it has none (demo data, new regions). Idempotent; audited when written. */
  @Transactional
  public void seed(String region, RegionSetting setting, int value, String reason) {
    validate(setting, value);
    if (mapper.find(region, setting.key()) != null) {
      return;
    }
    write(region, setting, value, null);
    audit.record(AuditEntry.of(region, ENTITY, region + ":" + setting.key(), "SETTING_SEEDED",
        String.valueOf(defaults.get(setting)), String.valueOf(value), setting.ruleId(), reason, null,
        "unit=" + setting.unit()));
  }

  static void validate(RegionSetting setting, Integer value) {
    if (value == null || value < setting.min() || value > setting.max()) {
      throw DomainRuleException.badRequest("value", setting.ruleId(),
          "参数 " + setting.key() + "（" + setting.descriptionZh() + "）须为 " + setting.min() + " 至 " + setting.max()
              + " 之间的整数",
          "Setting " + setting.key() + " must be an integer from " + setting.min() + " to " + setting.max());
    }
  }

  private void write(String region, RegionSetting setting, int value, RegionSettingRow before) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String actor = audit.currentActor();
    if (before == null) {
      mapper.insert(region, setting.key(), value, setting.unit().name(), setting.ruleId(), actor, now);
    } else if (mapper.update(region, setting.key(), value, before.version(), actor, now) == 0) {
      throw DomainRuleException.conflict("value", "CONCURRENCY", "参数已被他人修改，请刷新后重试",
          "The setting was changed by someone else; reload and try again");
    }
  }

  private RegionSettingValue view(String region, RegionSetting s, RegionSettingRow row) {
    return row == null
        ? new RegionSettingValue(region, s.key(), defaults.get(s), s.unit(), s.ruleId(), s.descriptionZh(),
            RegionSettingValue.SOURCE_DEFAULT, null, null, null)
        : new RegionSettingValue(region, s.key(), row.settingValue(), s.unit(), s.ruleId(), s.descriptionZh(),
            RegionSettingValue.SOURCE_REGION, row.updatedBy(), row.updatedAt(), row.version());
  }

  private void requireVisible(String region) {
    if (!regions.canSee(region)) {
      throw DomainRuleException.notFound("统筹地区 / region", region);
    }
  }
}
