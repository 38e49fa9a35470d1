// Shared by the supervision page and the case file: JSON calls with the webapp session (or Basic), the webapps'
// CSRF token for changes, escaping and labels.
const Yb = (() => {
  const base = '';
  let csrf = null;

  function esc(v) {
    return v == null || v === undefined ? '' : String(v).replace(/[&<>"']/g,
      c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function toLogin() {
    location.href = base + '/supervision/login.html?next=' + encodeURIComponent(location.pathname + location.search);
  }

  async function api(path, options = {}) {
    const headers = Object.assign({ 'Accept': 'application/json', 'X-Requested-With': 'yibao-flow' },
      options.headers || {});
    if (options.method && options.method !== 'GET') {
      headers['X-XSRF-TOKEN'] = await token();
    }
    const r = await fetch(base + path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
    if (r.status === 401) { toLogin(); throw new Error('401'); }
    return r;
  }

  async function json(path) {
    const r = await api(path);
    if (!r.ok) { const e = new Error(String(r.status)); e.status = r.status; throw e; }
    return r.json();
  }

  /** The webapps' CSRF token of this session (the same one Tasklist and Cockpit send). */
  async function token() {
    if (!csrf) {
      const r = await fetch(base + '/supervision/csrf-token', { credentials: 'same-origin' });
      csrf = (await r.json()).token;
    }
    return csrf;
  }

  async function me() {
    const r = await fetch(base + '/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
    return r.ok ? r.json() : null;
  }

  async function logout() {
    await fetch(base + '/camunda/api/admin/auth/user/default/logout',
      { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': await token() } });
    toLogin();
  }

  const KIND = { VIOLATION: '违约案件', DESIGNATION: '定点申请', OBJECTION: '异议', REFERRAL: '案件移送',
    PERSONNEL: '相关人员处理', EVALUATION: '年度考核' };
  const REGION = { huaibei: '淮北', jining: '济宁' };
  const AGREEMENT_STATE = { ACTIVE: '正常履行', SETTLEMENT_SUSPENDED: '暂停结算', SUSPENDED: '中止', TERMINATED: '解除',
    EXPIRED: '到期', NOT_RENEWED: '不再续签', DEFERRED: '缓签' };
  const MEASURE = { INTERVIEW: '约谈', RECTIFICATION: '限期整改', PUBLIC_CRITICISM: '通报批评',
    REFUSAL_RECOVERY: '拒付或追回', SETTLEMENT_SUSPENSION: '暂停结算', AGREEMENT_SUSPENSION: '中止协议',
    TERMINATION: '解除协议', PERSONNEL_INTERVIEW: '人员约谈', PERSONNEL_SUSPENSION: '人员中止协议',
    PERSONNEL_TERMINATION: '人员终止协议', DOCUMENTS_REQUESTED: '责令提供资料（暂停结算）',
    DOCUMENTS_PROVIDED: '按期提供资料', DOCUMENTS_NOT_PROVIDED: '逾期未提供资料', RECOVERY: '追回基金',
    REFUSAL: '拒付', FINE_PROPOSAL: '罚款建议', RECTIFIED: '整改到位', NOT_RECTIFIED_SUSPENSION: '逾期未整改',
    RISK_SETTLEMENT_SUSPENSION: '风险行为暂停结算', SETTLEMENT_RESUMED: '恢复结算' };
  const FIELD = { caseNo: '案件编号', status: '状态', source: '案件来源', externalRef: '外部编号', summary: '摘要',
    suspectedViolations: '涉嫌违规', suspectedAmount: '涉嫌金额', defraudedAmount: '骗取金额', measureClass: '处理措施类别',
    measureRule: '依据', recoveryAmount: '追回金额', refusalAmount: '拒付金额', fineProposal: '罚款建议',
    rectificationDays: '整改天数', noticeServedOn: '文书送达日', objectionOutcome: '异议结果', outcome: '结果',
    createdBy: '立案人', createdAt: '立案时间', closedAt: '结案时间', applicationNo: '申请编号',
    institutionName: '机构名称', institutionType: '机构类型', creditCode: '统一社会信用代码', missingMaterials: '缺少材料',
    updatedAt: '更新时间', objectionNo: '异议编号', subjectRef: '所涉案件', decisionType: '决定类型', decision: '决定',
    party: '当事人', windowWorkingDays: '异议期（工作日）', effectiveDecision: '生效决定', outcomeReasons: '理由',
    decidedLevel: '决定层级', referralNo: '移送编号', kind: '类别', caseSummary: '移送事由', receivingBody: '接收机关',
    transferredOn: '移送日期', letterNo: '移送函文号', reminderCount: '催办次数', personName: '人员姓名',
    nationalCode: '国家编码', ruleSet: '记分规则', pointsYear: '记分年度', total: '年度累计分', band: '分档',
    measure: '处理措施', months: '中止月数', effectiveOn: '生效日', suspendedUntil: '中止至', endedOn: '终止日',
    businessKey: '考核编号', evalYear: '考核年度', agreementPoints: '协议记分', deductionPoints: '扣分', score: '评分',
    finalScore: '最终得分', grade: '等次', reasonCode: '原因', ruleId: '依据', appliedOutcome: '执行结果',
    signingChannel: '签约方式', id: '编号', region: '统筹地区', code: '机构编码', name: '名称', type: '类型',
    level: '等级', periodStart: '协议起始', periodEnd: '协议截止', state: '协议状态', suspensionCount: '中止次数',
    stateSince: '状态起始' };
  const REFERRAL_KIND = { JUDICIAL: '司法机关', DISCIPLINE: '纪委监委', REGULATOR: '其他部门' };

  function caseLink(no) {
    return no ? '<a href="' + base + '/cases/' + encodeURIComponent(no) + '">' + esc(no) + '</a>' : '—';
  }

  function table(head, rows) {
    if (!rows.length) { return '<p class="muted">暂无</p>'; }
    return '<table><thead><tr>' + head.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>'
      + rows.join('') + '</tbody></table>';
  }

  return { api, json, esc, me, logout, token, caseLink, table, KIND, REGION, AGREEMENT_STATE, MEASURE, FIELD,
    REFERRAL_KIND, label: (map, v) => map[v] || v || '—' };
})();
