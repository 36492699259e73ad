// Connector Scope in any page, with two lines of HTML:
//
//   <div data-connector-scope="estimate"></div>
//   <script type="module" src="https://example.org/connector-scope/embed.js"></script>
//
// Every [data-connector-scope] element gets one tool (maturity, estimate, candidates, agreement,
// process, proposal, cases) or the whole app ("app"), each independent, in a shadow root so that
// the page's styles and the tool's do not touch each other. Options as data attributes:
//   data-theme="light|dark|auto"   data-compact   data-storage="a key" (none: nothing saved)
//   data-case='{"version": 1, ...}' (inline case JSON)   data-case-url="cases/x.json"
// Or from script: `const widget = await mount(element, { tool: 'estimate', case: {...} })`, then
// `widget.update({ theme: 'dark' })` (only what it names changes; a `case`, an object or JSON
// text, opens as a new case) and `widget.destroy()`. A missing element, options that are not an
// object, and a destroyed widget throw an Error that says so.
import init, { mount as mountWasm } from './pkg/scope_web.js';

const base = new URL('.', import.meta.url);
const ready = init({ module_or_path: new URL('pkg/scope_web_bg.wasm', base) });
const stylesheet = new URL('styles.css', base).href;

export async function mount(element, options = {}) {
  await ready;
  // Anything but an options object goes through as it is, for the wasm to name the problem.
  const given = options !== null && typeof options === 'object' ? { stylesheet, ...options } : options;
  return mountWasm(element, given);
}

async function optionsOf(element) {
  const d = element.dataset;
  const options = { tool: d.connectorScope || 'app', theme: d.theme, storage: d.storage, case: d.case };
  if (d.compact !== undefined) options.compact = d.compact === '' ? true : d.compact;
  if (d.caseUrl) {
    const response = await fetch(new URL(d.caseUrl, document.baseURI));
    if (!response.ok) throw new Error(`data-case-url: ${response.status} ${response.statusText}`);
    options.case = await response.text();
  }
  return options;
}

export async function mountAll(root = document) {
  const mounted = [];
  for (const element of root.querySelectorAll('[data-connector-scope]')) {
    if (element.connectorScope) continue;
    try {
      element.connectorScope = await mount(element, await optionsOf(element));
      mounted.push(element.connectorScope);
    } catch (err) {
      // Text only, in the element the page gave us.
      element.textContent = `Connector Scope could not start here: ${err.message ?? err}`;
      console.error(err);
    }
  }
  return mounted;
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => mountAll());
} else {
  mountAll();
}
