// The status page: health and satellites, read from the HTTP API with relative URLs, so it works
// at http://host:8099/ (it asks for the API token, kept in the browser) and under whatever prefix
// Home Assistant's ingress serves it (`<base href>`; ingress adds the token itself).
// A first, small page: the full web UI is for the dashboard card's lit components.
import type { ServerResponse } from 'node:http';

/** Sends the page for the prefix it is served under. */
export function sendStatusPage(res: ServerResponse, base: string): void {
  res
    .writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    })
    .end(statusPage(base));
}

/** The page, for the prefix it is served under (`/api/hassio_ingress/<token>/`). */
export function statusPage(base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base href="${base}">
<title>Jarvis</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1c1c1c; background: #fafafa; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  table { border-collapse: collapse; } td, th { padding: 0.3rem 0.8rem; text-align: left; }
  th { font-weight: 600; } tr:nth-child(even) { background: #eee; }
  .ok { color: #2e7d32; } .bad { color: #c62828; }
</style>
</head>
<body>
<h1>Jarvis</h1>
<p id="state">Loading…</p>
<form id="login" hidden>
  <label>API token <input id="token" type="password" autocomplete="current-password"></label>
  <button>Use</button>
</form>
<h2>Services</h2>
<table id="services"></table>
<h2>Satellites</h2>
<table id="satellites"><tr><td>none yet</td></tr></table>
<script type="module">
  const cell = (tag, text, cls) => {
    const el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  };
  const row = (...cells) => {
    const tr = document.createElement('tr');
    tr.append(...cells);
    return tr;
  };
  const show = (value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  const login = document.getElementById('login');
  login.addEventListener('submit', (event) => {
    event.preventDefault();
    localStorage.setItem('jarvis-token', document.getElementById('token').value);
    login.hidden = true;
    refresh();
  });
  async function get(path) {
    const token = localStorage.getItem('jarvis-token');
    const reply = await fetch(path, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
    if (reply.status === 401) {
      login.hidden = false;
      throw new Error('it needs its API token (in the start-up log, or DATA_DIR/http-token)');
    }
    return reply.json();
  }
  async function refresh() {
    try {
      const health = await get('health');
      const state = document.getElementById('state');
      state.textContent = health.status === 'ok' ? 'Everything is working.' : 'Something needs attention.';
      state.className = health.status === 'ok' ? 'ok' : 'bad';
      const services = document.getElementById('services');
      services.replaceChildren(
        ...Object.entries(health).filter(([key]) => key !== 'status')
          .map(([key, value]) => row(cell('th', key), cell('td', show(value)))),
      );
      const list = await get('api/satellites');
      const satellites = (Array.isArray(list) ? list : list.satellites ?? []);
      if (satellites.length > 0) {
        document.getElementById('satellites').replaceChildren(
          row(cell('th', 'name'), cell('th', 'area'), cell('th', 'status'), cell('th', 'state')),
          ...satellites.map((s) => row(cell('td', s.name ?? s.id), cell('td', s.area ?? ''), cell('td', s.status ?? ''), cell('td', s.state ?? ''))),
        );
      }
    } catch (error) {
      document.getElementById('state').textContent = 'Jarvis does not answer: ' + error.message;
    }
  }
  refresh();
  setInterval(refresh, 5000);
</script>
</body>
</html>
`;
}
