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
//
// When the bundle cannot start (its files not hosted beside this one, or a Content-Security-Policy
// without 'wasm-unsafe-eval'), each element says so in words instead of staying empty.
const base = new URL('.', import.meta.url);
const script = new URL('pkg/scope_web.js', base);
const wasm = new URL('pkg/scope_web_bg.wasm', base);
const stylesheet = new URL('styles.css', base).href;

async function start() {
  let bundle;
  try {
    bundle = await import(script.href);
  } catch (err) {
    throw new Error(`its script ${script.href} could not be loaded (${err.message ?? err}). Host the whole connector-scope folder, pkg/ included, beside embed.js, and serve .js files as JavaScript.`);
  }
  try {
    await bundle.default({ module_or_path: wasm });
  } catch (err) {
    const message = String(err.message ?? err);
    if (/wasm-unsafe-eval|Content Security Policy/i.test(message)) {
      throw new Error(`this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src.`);
    }
    const status = await fetch(wasm, { method: 'HEAD' }).then((r) => r.status, () => 0);
    const why = status && status !== 200 ? `HTTP ${status}` : message;
    throw new Error(`its WebAssembly ${wasm.href} could not be loaded (${why}). Host the whole connector-scope folder, pkg/ included, beside embed.js.`);
  }
  return bundle;
}

const ready = start();
// The failure is reported in each element (mountAll) or to the caller (mount), not as an
// unhandled rejection.
ready.catch(() => {});

export async function mount(element, options = {}) {
  const { mount: mountWasm } = await ready;
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
