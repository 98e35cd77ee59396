/**
 * The preview's side of watch mode: a small script injected into served pages. It listens on
 * server-sent events, reloads after a successful build, and shows a build error over the page
 * (the page itself stays the last good build) until the next build succeeds.
 */
export const EVENTS_PATH = '/__persklaar/events';
export const SCRIPT_PATH = '/__persklaar/live.js';

export const liveReloadScript = `
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
let panel;
events.addEventListener('reload', () => location.reload());
events.addEventListener('build-error', (event) => {
  panel ??= Object.assign(document.createElement('div'), { role: 'alert' });
  panel.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem 1.5rem;' +
    'background:#7a1c0c;color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647';
  panel.textContent = 'De laatste wijziging is niet gebouwd. Je ziet de vorige versie.\\n\\n' +
    JSON.parse(event.data).message;
  document.body.append(panel);
});
`;

export function injectLiveReload(html: string): string {
  const tag = `<script type="module" src="${SCRIPT_PATH}"></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}</body>`) : html + tag;
}
