/**
 * The preview's side of watch mode: a small script injected into served pages. It listens on
 * server-sent events, reloads after a successful build, and shows a build error over the page
 * (the page itself stays the last good build) until the next build succeeds. The last good
 * build's warnings (what it repaired, what the layout could not solve) show in a smaller panel.
 */
export const EVENTS_PATH = '/__persklaar/events';
export const SCRIPT_PATH = '/__persklaar/live.js';

export const liveReloadScript = `
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
let panel;
let notes;
events.addEventListener('reload', () => location.reload());
events.addEventListener('build-report', (event) => {
  const { message } = JSON.parse(event.data);
  notes?.remove();
  notes = undefined;
  if (!message) return;
  notes = Object.assign(document.createElement('details'), { role: 'status' });
  notes.style.cssText = 'position:fixed;inset:auto 0 0 auto;max-width:min(60rem,100vw);max-height:40vh;overflow:auto;' +
    'margin:0;padding:0.75rem 1rem;background:#fff4d6;color:#1f1300;border:2px solid #8a5a00;' +
    'font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483646';
  const summary = document.createElement('summary');
  summary.textContent = 'Aandachtspunten van de laatste build (opmaak en reparaties)';
  notes.append(summary, message);
  document.body.append(notes);
});
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
