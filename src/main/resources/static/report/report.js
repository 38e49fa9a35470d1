// The public reporting page (docs/whistleblower.md): no login; JSON only, same origin. Text from the server is set
// with textContent, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  async function post(path, body) {
    const r = await fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body), credentials: 'omit'
    });
    let json = null;
    try { json = await r.json(); } catch (e) { /* no body */ }
    return { status: r.status, json };
  }

  function message(el, text, error) {
    el.textContent = text;
    el.className = error ? 'error' : '';
  }

  function problem(res) {
    if (res.status === 429) { return '提交过于频繁，请稍后再试。'; }
    if (res.status === 404) { return '未找到该受理回执码，请核对后重试。'; }
    return (res.json && (res.json.detailZh || (res.json.errors && res.json.errors.map((e) => e.messageZh || e.message).join('；'))))
      || '提交失败，请检查填写的内容。';
  }

  fetch('/public/reports/regions', { headers: { 'Accept': 'application/json' }, credentials: 'omit' })
    .then((r) => r.json()).then((regions) => {
      regions.forEach((region) => {
        const o = document.createElement('option');
        o.value = region.id;
        o.textContent = region.name || region.id;
        $('region').appendChild(o);
      });
    });

  $('named').addEventListener('change', () => {
    $('reporter').hidden = !$('named').checked;
    $('name').required = $('named').checked;
  });

  $('report-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { region: $('region').value, institutionName: $('institutionName').value, content: $('content').value };
    if ($('named').checked) {
      body.reporter = { name: $('name').value, phone: $('phone').value || null, idNumber: $('idNumber').value || null,
        address: $('address').value || null };
    }
    const res = await post('/public/reports', body);
    const out = $('report-result');
    if (res.status === 201) {
      out.className = '';
      out.textContent = '举报已受理。请保存您的受理回执码（仅显示一次）：';
      const code = document.createElement('div');
      code.className = 'receipt';
      code.textContent = res.json.receiptCode;
      out.appendChild(code);
      $('report-form').reset();
      $('reporter').hidden = true;
    } else {
      message(out, problem(res), true);
    }
  });

  $('progress-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const res = await post('/public/reports/progress', { receiptCode: $('receiptCode').value });
    if (res.status === 200) {
      message($('progress-result'), '办理进度：' + res.json.statusZh + '（受理日期 ' + res.json.receivedOn
        + '，最近更新 ' + res.json.updatedOn + '）', false);
    } else {
      message($('progress-result'), problem(res), true);
    }
  });
}());
