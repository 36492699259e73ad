// Connector Scope in any page, with two lines of HTML:
//
//   <div data-connector-scope="estimate"></div>
//   <script type="module" src="https://example.org/connector-scope/embed.js"></script>
//
// Every [data-connector-scope] element gets one tool (maturity, estimate, candidates, agreement,
// process, proposal, cases) or the whole app ("app"), each independent (tools given one
// data-storage key share that workspace, as two tabs do), in a shadow root so that the page's
// styles and the tool's do not touch each other. Options as data attributes:
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
const stylesheet = new URL('styles.css', base).href;
// Share links made by an embedded tool open in the bundle's own app page.
const shareBase = new URL('index.html', base).href;

async function start() {
  let bundle;
  try {
    bundle = await import(script.href);
  } catch (err) {
    throw new Error(`its script ${script.href} could not be loaded (${err.message ?? err}). Host the whole connector-scope folder, pkg/ included, beside embed.js, and serve .js files as JavaScript.`);
  }
  try {
    // The loader knows its wasm: named by a hash of its content, beside it in pkg/.
    await bundle.default();
  } catch (err) {
    const message = String(err.message ?? err);
    if (/wasm-unsafe-eval|Content Security Policy/i.test(message)) {
      throw new Error(`this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src.`);
    }
    // The loader's message or the request it made says which file it was; the server, why.
    const pkg = new URL('pkg/', base).href;
    const named = (text) => text.startsWith(pkg) && /_bg\.[0-9a-f]+\.wasm$/.test(text);
    const asked = [...message.matchAll(/[^\s'"]+_bg\.[0-9a-f]+\.wasm/g)].map((m) => m[0]).find(named)
      ?? performance.getEntriesByType('resource').map((e) => e.name).filter(named).pop();
    const status = asked ? await fetch(asked, { method: 'HEAD' }).then((r) => r.status, () => 0) : 0;
    const why = status && status !== 200 ? `HTTP ${status}` : message;
    throw new Error(`its WebAssembly ${asked ?? pkg} could not be loaded (${why}). Host the whole connector-scope folder, pkg/ included, beside embed.js.`);
  }
  return bundle;
}

const ready = start();
// The failure is reported in each element (mountAll) or to the caller (mount), not as an
// unhandled rejection.
ready.catch(() => {});

// The widgets on this page, each scaled to the user's text size (see fitText).
const roots = new Set();

/**
 * Sizes in the tool are in rem, the page's root size: a page whose root is not the browser's
 * default (Material's is 20 px) would scale the whole tool. The tool is zoomed back, so that
 * its text is the user's default size, as in the app.
 */
function fitText(root) {
  // Measured in the shadow root, where the page's styles do not reach.
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
  root.parentNode.append(probe);
  const medium = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const zoom = medium > 0 && rem > 0 ? medium / rem : 1;
  root.style.zoom = Math.abs(zoom - 1) < 0.01 ? '' : String(zoom);
}
addEventListener('resize', () => roots.forEach((r) => (r.isConnected ? fitText(r) : roots.delete(r))));

export async function mount(element, options = {}) {
  const { mount: mountWasm } = await ready;
  // A widget already on this element is taken off first (it would keep running unseen).
  if (element?.connectorScope) {
    try {
      element.connectorScope.destroy();
    } catch {}
    delete element.connectorScope;
  }
  // Anything but an options object goes through as it is, for the wasm to name the problem.
  const plain = options !== null && typeof options === 'object' && !Array.isArray(options);
  const given = plain ? { stylesheet, shareBase, ...options } : options;
  const widget = mountWasm(element, given);
  element.connectorScope = widget;
  const shadow = element.shadowRoot;
  const root = shadow.querySelector('.cs-root');
  fitText(root);
  roots.add(root);
  // A page whose Content-Security-Policy blocks the tool's styles gets told, not a bare tool.
  shadow.querySelector('link')?.addEventListener('error', () => {
    const note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.textContent = `Connector Scope's styles (${stylesheet}) could not be loaded: host styles.css beside embed.js, and allow it in the page's Content-Security-Policy (style-src).`;
    shadow.prepend(note);
  });
  return widget;
}

async function optionsOf(element) {
  const d = element.dataset;
  const options = { tool: d.connectorScope || 'app', theme: d.theme, storage: d.storage, case: d.case };
  if (d.compact !== undefined) options.compact = d.compact === '' ? true : d.compact;
  if (d.caseUrl) {
    // Relative to the page, as a link's href is.
    const url = new URL(d.caseUrl, document.baseURI);
    const response = await fetch(url).catch((err) => {
      throw new Error(`data-case-url: ${url} could not be fetched (${err.message ?? err}; a Content-Security-Policy connect-src, or another origin without CORS?)`);
    });
    if (!response.ok) throw new Error(`data-case-url: ${url} answered ${response.status} ${response.statusText}`);
    options.case = await response.text();
  }
  return options;
}

async function mountOne(element) {
  // While the bundle loads, an empty element says so (its own content, if any, stays).
  const loading = !element.textContent.trim() && !element.children.length;
  if (loading) element.textContent = 'Loading Connector Scope…';
  try {
    const widget = await mount(element, await optionsOf(element));
    if (loading) element.textContent = '';
    return widget;
  } catch (err) {
    // Text only, in the element the page gave us.
    element.textContent = `Connector Scope could not start here: ${err.message ?? err}`;
    console.error(err);
    return null;
  }
}

export async function mountAll(root = document) {
  // All at once: a slow data-case-url keeps only its own element waiting.
  const elements = [...root.querySelectorAll('[data-connector-scope]')].filter((e) => !e.connectorScope);
  const widgets = await Promise.all(elements.map(mountOne));
  return widgets.filter(Boolean);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => mountAll());
} else {
  mountAll();
}
