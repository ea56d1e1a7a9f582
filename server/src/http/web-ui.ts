// The web UI (built from ui/ to ui/dist/jarvis-web-ui.js): a page that loads it with relative
// URLs, so it works at http://host:8099/ (it asks for the API token, kept in the browser) and
// under whatever prefix Home Assistant's ingress serves it (`<base href>` from X-Ingress-Path;
// ingress adds the token itself). The page and the script hold no data: the API does.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Where the page loads the script from, relative to the page. */
export const WEB_UI_SCRIPT = 'ui/jarvis-web-ui.js';

/** The built web UI: ui/dist beside server/ (src/http or dist/http: both two levels down). */
export const WEB_UI_FILE = fileURLToPath(
  new URL('../../../ui/dist/jarvis-web-ui.js', import.meta.url),
);

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'",
};

/** The base a page reached under `prefix` (the X-Ingress-Path) uses; `/` when it looks odd. */
export function basePath(prefix: string | undefined): string {
  const value = prefix ?? '';
  return /^(\/[\w\-./]*)?$/.test(value) && !value.includes('..')
    ? `${value.replace(/\/+$/, '')}/`
    : '/';
}

/** Sends the page for the prefix it is served under. */
export function sendWebUiPage(res: ServerResponse, base: string): void {
  res
    .writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' })
    .end(webUiPage(base));
}

/** The page, for the prefix it is served under (`/api/hassio_ingress/<token>/`). */
export function webUiPage(base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base href="${base}">
<title>Jarvis</title>
<link rel="icon" href="data:,">
<style>body { margin: 0; }</style>
<script type="module" src="${WEB_UI_SCRIPT}"></script>
</head>
<body>
<jarvis-web-ui><p>Loading Jarvis… If this stays, the web UI is not built on this server
(<code>npm run build -w ui</code>) or the browser blocks its script.</p></jarvis-web-ui>
</body>
</html>
`;
}

/** Serves the built script; a 503 saying how to build it when it is missing. */
export async function sendWebUiScript(
  res: ServerResponse,
  file: string = WEB_UI_FILE,
): Promise<void> {
  let code: Buffer;
  try {
    code = await readFile(file);
  } catch {
    res
      .writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      .end(`the web UI is not built: npm run build -w ui (looked for ${file})\n`);
    return;
  }
  res
    .writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' })
    .end(code);
}
