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
  const REFERRAL_KIND = { JUDICIAL: '司法机关', DISCIPLINE: '纪检监察机关', REGULATOR: '其他行政部门' };
  const REFERRAL_STATUS = { PREPARING: '移送准备中', TRANSFERRED: '已移送', ACCEPTED: '接收机关已受理',
    DECLINED: '接收机关不予受理', CLOSED: '已办结' };

  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  /** "2026年12月7日 11:30": a moment in Beijing time, as the server writes it (Labels.time). */
  function time(v) {
    if (!v) { return '—'; }
    const p = Object.fromEntries(parts.formatToParts(new Date(v)).map(x => [x.type, x.value]));
    return p.year + '年' + Number(p.month) + '月' + Number(p.day) + '日 ' + p.hour + ':' + p.minute;
  }

  /** "2026年12月7日" for a date "2026-12-07". */
  function day(v) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v || '');
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : (v || '—');
  }

  function caseLink(no) {
    return no ? '<a href="' + base + '/cases/' + encodeURIComponent(no) + '">' + esc(no) + '</a>' : '—';
  }

  function table(head, rows) {
    if (!rows.length) { return '<p class="muted">暂无</p>'; }
    return '<table><thead><tr>' + head.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>'
      + rows.join('') + '</tbody></table>';
  }

  return { api, json, esc, me, logout, token, caseLink, table, time, day, KIND, REFERRAL_KIND, REFERRAL_STATUS,
    label: (map, v) => map[v] || v || '—' };
})();
