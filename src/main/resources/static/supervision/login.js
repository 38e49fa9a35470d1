// Logs in through the Camunda webapps' own login, so the session serves Tasklist, Cockpit and these pages alike.
document.getElementById('login').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const probe = await fetch('/supervision/csrf-token', { credentials: 'same-origin' });
  const token = (await probe.json()).token;
  const body = new URLSearchParams({ username: document.getElementById('username').value,
    password: document.getElementById('password').value });
  const r = await fetch('/camunda/api/admin/auth/user/default/login/welcome', {
    method: 'POST', credentials: 'same-origin', body,
    headers: Object.assign({ 'Content-Type': 'application/x-www-form-urlencoded' }, token ? { 'X-XSRF-TOKEN': token } : {})
  });
  if (!r.ok) {
    error.textContent = '用户名或密码错误';
    return;
  }
  const next = new URLSearchParams(location.search).get('next');
  location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/supervision';
});
