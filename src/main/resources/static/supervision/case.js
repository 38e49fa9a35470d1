// The case file (案卷) of /cases/{caseNo}: /api/cases/{caseNo}, and the documents from /api/cases/{caseNo}/documents.
// Everything shown is what the server put in Chinese (statusZh, regionZh, the *Facts lists, names, Beijing times):
// no code or id reaches the page.
(() => {
  const { esc, json, api, caseLink, table, time, day } = Yb;
  const caseNo = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());

  function facts(list) {
    if (!list || !list.length) { return '<p class="muted">—</p>'; }
    return '<dl class="facts">' + list.map(f => '<dt>' + esc(f.label) + '</dt><dd>' + esc(f.value) + '</dd>').join('')
      + '</dl>';
  }

  function audit(entries) {
    return table(['时间', '事项', '状态', '依据', '说明', '操作人'], entries.map(a => '<tr><td>' + esc(a.occurredBeijing)
      + '</td><td>' + esc(a.subjectZh) + '</td><td>' + (a.fromStateZh || a.toStateZh
        ? esc(a.fromStateZh || '—') + ' → ' + esc(a.toStateZh || '—') : '') + '</td><td>' + esc(a.ruleId || '')
      + '</td><td>' + esc(a.reasonZh) + '</td><td>' + esc(a.actorName || '系统') + '</td></tr>'));
  }

  async function documents() {
    const el = document.getElementById('documents');
    try {
      const r = await api('/api/cases/' + encodeURIComponent(caseNo) + '/documents');
      const list = r.ok ? await r.json() : [];
      const items = Array.isArray(list) ? list : (list.documents || list.items || []);
      el.innerHTML = items.length ? table(['文书', '文号', '生成时间', '送达'], items.map(d => '<tr class="document"><td>'
        + (d.id !== undefined ? '<a href="/api/documents/' + encodeURIComponent(d.id) + '">' : '')
        + esc(d.kindName || d.title || '文书') + (d.id !== undefined ? '</a>' : '') + '</td><td>'
        + esc(d.number || '') + '</td><td>' + esc(time(d.createdAt)) + '</td><td>'
        + (d.servedAt ? esc(day(d.servedAt)) + ' 送达' : '未送达') + '</td></tr>'))
        : '<p class="muted" id="no-documents">暂无文书</p>';
    } catch (e) {
      el.innerHTML = '<p class="muted" id="no-documents">暂无文书</p>';
    }
  }

  async function load() {
    document.getElementById('case-no').textContent = caseNo;
    let c;
    try {
      c = await json('/api/cases/' + encodeURIComponent(caseNo));
    } catch (e) {
      document.querySelector('main').innerHTML = '<section class="wide error" id="not-found">'
        + (e.status === 404 ? '案卷 ' + esc(caseNo) + ' 不存在或不属于您的统筹地区。' : '加载失败（' + esc(e.status || '') + '）')
        + '</section>';
      document.body.dataset.loaded = 'error';
      return;
    }
    document.getElementById('case-kind').textContent = c.kindZh + ' · ' + c.regionZh;
    document.getElementById('summary').innerHTML = '<p>状态：<b id="case-status">' + esc(c.statusZh) + '</b> '
      + (c.closed ? '<span class="tag">已办结</span>' : '<span class="tag green">办理中</span>') + '</p>'
      + table(['流程', '开始', '结束', '状态'], c.processes.map(p => '<tr><td>' + esc(p.process) + '</td><td>'
        + esc(p.startedBeijing || '—') + '</td><td>' + esc(p.endedBeijing || '—') + '</td><td>' + esc(p.stateZh)
        + '</td></tr>'))
      + facts(c.caseFacts);
    document.getElementById('parties').innerHTML = '<p>当事人：<b id="party">' + esc(c.party) + '</b></p>'
      + (c.institutionFacts.length ? '<h3>机构</h3>' + facts(c.institutionFacts) : '')
      + (c.agreementFacts.length ? '<h3>服务协议</h3>' + facts(c.agreementFacts) : '');
    document.getElementById('agreement-history').innerHTML = audit(c.agreementHistory);
    document.getElementById('open').innerHTML = table(['期限', '步骤', '流程', '承办人', '到期（北京时间）'],
      c.openTasksAndDeadlines.map(i => '<tr class="' + (i.overdue ? 'overdue' : '') + '"><td>' + esc(i.kindZh)
        + (i.ruleId ? ' <span class="muted">' + esc(i.ruleId) + '</span>' : '') + '</td><td>' + esc(i.step)
        + '</td><td>' + esc(i.process) + '</td><td>' + esc(i.assigneeName || '') + '</td><td>'
        + esc(i.dueBeijing || '—') + (i.overdue ? ' <span class="tag red">已逾期</span>' : '') + '</td></tr>'));
    document.getElementById('decisions').innerHTML = table(['决定 / 措施', '依据', '金额（元）', '说明'],
      c.decisions.map(d => '<tr class="decision"><td>' + esc(d.what) + '</td><td>' + esc(d.ruleId || '') + '</td><td>'
        + esc(d.amount == null ? '' : d.amount) + '</td><td>' + esc(d.detail || '') + '</td></tr>'));
    document.getElementById('linked').innerHTML = table(['案件', '类别', '关系'], c.linkedCases.map(l => '<tr><td>'
      + caseLink(l.caseNo) + '</td><td>' + esc(l.kindZh) + '</td><td>' + esc(l.relation) + '</td></tr>'));
    document.getElementById('steps').innerHTML = table(['步骤', '流程', '办理人', '完成时间'], c.stepsDone.map(s => '<tr><td>'
      + esc(s.step) + '</td><td>' + esc(s.process) + '</td><td>' + esc(s.assigneeName || '') + '</td><td>'
      + esc(s.endedBeijing || '') + '</td></tr>'));
    document.getElementById('audit').innerHTML = audit(c.audit);
    await documents();
    document.body.dataset.loaded = 'true';
  }

  load();
})();
