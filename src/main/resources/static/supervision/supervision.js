// The supervision page: figures from /api/supervision/overview, deadlines, incidents with retry.
(() => {
  const { esc, json, api, caseLink, table, label } = Yb;
  const charts = {};

  function chart(id, option) {
    const el = document.getElementById(id);
    charts[id] = charts[id] || echarts.init(el);
    charts[id].setOption(option, true);
  }

  async function deadlines() {
    const n = document.getElementById('within').value || 5;
    const d = await json('/api/supervision/deadlines?withinWorkingDays=' + encodeURIComponent(n));
    document.getElementById('deadline-summary').innerHTML = '已逾期 <span class="tag red" id="overdue-count">'
      + d.overdueCount + '</span> 项，' + esc(d.horizonBeijing) + ' 前将到期 <span class="tag" id="due-count">'
      + d.dueSoonCount + '</span> 项' + (d.truncated ? '（仅列前 ' + d.items.length + ' 项）' : '');
    document.getElementById('deadlines').innerHTML = table(
      ['状态', '期限', '案件编号', '类别', '机构 / 当事人', '流程', '步骤', '承办人', '到期（北京时间）'],
      d.items.map(i => '<tr class="deadline' + (i.overdue ? ' overdue' : '') + '" data-case="' + esc(i.caseNo) + '">'
        + '<td>' + (i.overdue ? '<span class="tag red">已逾期</span>' : '<span class="tag">将到期</span>') + '</td>'
        + '<td>' + esc(i.kindZh) + (i.ruleId ? ' <span class="muted">' + esc(i.ruleId) + '</span>' : '') + '</td>'
        + '<td>' + caseLink(i.caseNo) + '</td><td>' + esc(label(Yb.KIND, i.caseKind)) + '</td>'
        + '<td>' + esc(i.institution) + '</td><td>' + esc(i.process) + '</td><td>' + esc(i.step) + '</td>'
        + '<td>' + esc(i.assigneeName) + '</td><td>' + esc(i.dueBeijing) + '</td></tr>'));
  }

  function overview(o) {
    const region = r => o.regionNames[r] || '—';
    document.getElementById('regions').textContent = o.regions.map(region).join('、');
    document.getElementById('open-cases').textContent = o.openCases + ' 件';
    chart('chart-processes', {
      tooltip: {}, grid: { left: 110, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: o.processes.map(p => p.process) },
      series: [{ type: 'bar', data: o.processes.map(p => p.open), itemStyle: { color: '#1f4e8c' } }]
    });
    document.getElementById('steps').innerHTML = table(['流程', '步骤', '待办'],
      o.processes.flatMap(p => p.steps.map(s => '<tr><td>' + esc(p.process) + '</td><td>' + esc(s.step)
        + '</td><td>' + s.open + '</td></tr>')));
    chart('chart-months', {
      tooltip: { trigger: 'axis' }, legend: { data: ['立案', '结案'] },
      xAxis: { type: 'category', data: o.months.map(m => m.month) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '立案', type: 'bar', data: o.months.map(m => m.opened) },
        { name: '结案', type: 'bar', data: o.months.map(m => m.closed) }]
    });
    chart('chart-measures', {
      tooltip: { trigger: 'item' },
      title: o.measures.length ? undefined : { text: '暂无', left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 14 } },
      series: [{ type: 'pie', radius: ['35%', '65%'],
        data: o.measures.map(m => ({ name: m.nameZh + (o.regions.length > 1 ? '·' + region(m.region) : ''), value: m.total })) }]
    });
    chart('chart-agreements', {
      tooltip: {}, xAxis: { type: 'category', data: o.agreements.map(a => a.nameZh
        + (o.regions.length > 1 ? '·' + region(a.region) : '')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: o.agreements.map(a => a.total), itemStyle: { color: '#3a7bd5' } }]
    });
    document.getElementById('suspensions').innerHTML = table(['地区', '机构', '中止次数', '解除阈值', '协议状态'],
      o.suspensions.flatMap(s => s.agreements.map(a => '<tr><td>' + esc(region(s.region)) + '</td><td>'
        + esc(a.institutionName) + '</td><td>' + a.suspensionCount + '</td><td>' + s.threshold + '</td><td>'
        + esc(a.stateZh) + '</td></tr>')));
    document.getElementById('signing').innerHTML = o.signing.map(s => '<p id="signing-' + esc(s.region) + '">'
      + esc(region(s.region)) + ' ' + s.year + ' 年：网签 ' + s.online + ' / 签约 ' + s.signed + '，网签率 '
      + (s.ratePercent == null ? '—（尚无签约）' : '<span class="figure">' + s.ratePercent + '%</span> '
        + (s.targetMet ? '<span class="tag green">达标</span>' : '<span class="tag red">未达 90%</span>')) + '</p>').join('');
    document.getElementById('campaigns').innerHTML = table(['地区', '年度', '应考核', '已启动', '已评定', '续签', '缓签', '不再续签', '网签率'],
      o.campaigns.map(c => '<tr><td>' + esc(region(c.region)) + '</td><td>' + c.year + '</td><td>'
        + c.totalAgreements + '</td><td>' + c.started + '</td><td>' + c.graded + '</td><td>' + c.renewed + '</td><td>'
        + c.deferred + '</td><td>' + c.notRenewed + '</td><td>' + (c.onlineSigningRate == null ? '—' : c.onlineSigningRate + '%')
        + '</td></tr>'));
    document.getElementById('referrals').innerHTML = table(['移送编号', '类别', '所涉案件', '接收机关', '状态', '已过天数'],
      o.openReferrals.map(r => '<tr><td>' + caseLink(r.referral.referralNo) + '</td><td>'
        + esc(label(Yb.REFERRAL_KIND, r.referral.kind)) + '</td><td>' + caseLink(r.referral.subjectRef) + '</td><td>'
        + esc(r.referral.receivingBody || '—') + '</td><td>' + esc(label(Yb.REFERRAL_STATUS, r.referral.status)) + '</td><td>' + r.ageDays
        + ' 天</td></tr>'));
    document.getElementById('monitoring').innerHTML = table(['机构', '人员', '原因', '年度'],
      o.keyMonitoring.map(k => '<tr><td>' + esc(k.institutionName) + '</td><td>' + esc(k.personName) + '</td><td>'
        + (k.cause === 'TWELVE_POINTS' ? '一次记满 12 分' : '3 次及以上违规') + '</td><td>' + k.cycleYear + '</td></tr>'));
    chart('chart-workload', {
      tooltip: { trigger: 'axis' }, legend: { data: ['待办', '逾期'] }, grid: { left: 80, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: o.workload.map(w => w.name) },
      series: [{ name: '待办', type: 'bar', data: o.workload.map(w => w.open) },
        { name: '逾期', type: 'bar', data: o.workload.map(w => w.overdue), itemStyle: { color: '#d93025' } }]
    });
  }

  async function incidents() {
    const list = await json('/api/supervision/incidents');
    document.getElementById('incidents').innerHTML = table(['案件编号', '机构 / 当事人', '流程', '说明', '发生时间', ''],
      list.map(i => '<tr class="incident" data-incident="' + esc(i.id) + '"><td>' + caseLink(i.caseNo) + '</td><td>'
        + esc(i.institution) + '</td><td>' + esc(i.process) + '</td><td>' + esc(i.plainZh)
        + (i.technical ? '<details><summary class="muted">技术信息</summary><code>' + esc(i.technical) + '</code></details>' : '')
        + '</td><td>' + esc(i.occurredBeijing) + '</td><td>'
        + (i.retryable ? '<button class="retry" data-incident="' + esc(i.id) + '">重试</button>' : '') + '</td></tr>'));
    document.querySelectorAll('button.retry').forEach(b => b.addEventListener('click', async () => {
      b.disabled = true;
      const r = await api('/api/supervision/incidents/' + encodeURIComponent(b.dataset.incident) + '/retry',
        { method: 'POST' });
      const row = b.closest('tr');
      row.querySelector('td:last-child').innerHTML = r.ok ? '<span class="tag green retried">已重新执行</span>'
        : '<span class="error">重试失败（' + r.status + '）</span>';
    }));
  }

  async function load() {
    const me = await Yb.me();
    if (me) {
      // the user's name, as Tasklist shows it (first name: the Chinese name), not the login id
      const r = await fetch('/camunda/api/engine/engine/default/user/' + encodeURIComponent(me.userId) + '/profile',
        { credentials: 'same-origin' });
      const p = r.ok ? await r.json() : null;
      document.getElementById('user').textContent = p && p.firstName ? p.firstName : '';
    }
    await deadlines();
    overview(await json('/api/supervision/overview'));
    await incidents();
    document.body.dataset.loaded = 'true';
  }

  document.getElementById('reload').addEventListener('click', () => deadlines());
  document.getElementById('logout').addEventListener('click', (e) => { e.preventDefault(); Yb.logout(); });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  load().catch(e => {
    document.querySelector('main').insertAdjacentHTML('afterbegin', '<section class="wide error" id="load-error">'
      + (e.status === 403 ? '仅科室负责人可查看监督看板。' : '加载失败：' + esc(e.message)) + '</section>');
    document.body.dataset.loaded = 'error';
  });
})();
