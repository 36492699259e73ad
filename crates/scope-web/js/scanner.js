// Loads the reader module (web/pkg-scan, built from crates/scope-scan-web) the first time it is
// needed: to read an API document, or to start from an exchange CCXT knows. wasm-bindgen copies
// this file to pkg/snippets/<crate>-<hash>/js/, so the module sits four folders up, beside
// pkg/, wherever the app or a widget is hosted.
let reader;

function load() {
  reader ??= import(new URL('../../../../pkg-scan/scope_scan.js', import.meta.url).href)
    .then(async (module) => {
      await module.default();
      return module;
    })
    .catch((err) => {
      // A failed load can be tried again (the network may come back).
      reader = undefined;
      throw err;
    });
  return reader;
}

// The reader's words for what went wrong: a thrown Error's message, or why the module could not
// be fetched (`what` names the part the user asked for) or stopped.
function message(err, what) {
  const text = err instanceof Error ? err.message : String(err ?? '');
  if (!text || text.includes('dynamically imported module') || text.includes('Failed to fetch')) {
    return `${what} could not be fetched: it comes the first time it is used, so that needs the network (or an earlier visit that used it); if the app was updated since this page was opened, reload it`;
  }
  if (err instanceof WebAssembly.RuntimeError || text === 'unreachable') {
    return 'the document reader stopped (out of memory?): the document may be too large for this browser';
  }
  return text;
}

// Shows one paragraph in `host`, in place of what it held.
function show(host, className, role, text) {
  const p = host.ownerDocument.createElement('p');
  p.className = className;
  p.setAttribute('role', role);
  p.textContent = text;
  host.replaceChildren(p);
  return p;
}

function say(host, text) {
  show(host, 'problem', 'alert', `Not read: ${text}`).setAttribute('data-testid', 'scan-problem');
}

// Reads the documents (`[{name, text}]` as JSON) against the case and shows the review, or what
// went wrong, in `host`; `onAccept` gets the accepted answers as JSON. `refusedJson` lists the
// files not read (why, named); when no document is left, that is all there is to say.
export function readDocuments(host, documentsJson, refusedJson, names, caseJson, onAccept) {
  if (!names) {
    // Nothing to read: an open review closes first, so that a change of answers says nothing of it.
    const refused = JSON.parse(refusedJson).join('; ');
    // In one step after the load, so that a later read's review (queued on the same load) follows it.
    if (reader) {
      reader.then(
        (module) => {
          module.closeDocuments(host);
          say(host, refused);
        },
        () => say(host, refused),
      );
    } else {
      say(host, refused);
    }
    return;
  }
  show(host, 'note', 'status', `Reading ${names}...`);
  load()
    .then((module) => module.readDocuments(host, documentsJson, refusedJson, caseJson, onAccept))
    .catch((err) => say(host, message(err, 'the document reader')));
}

// The answers changed: an open review closes. Nothing to do before the reader has loaded.
export function answersChanged(host) {
  reader?.then((module) => module.answersChanged(host)).catch(() => {});
}

// The panel is going away.
export function closeDocuments(host) {
  reader?.then((module) => module.closeDocuments(host)).catch(() => {});
}

// Fills the search's suggestions (its datalist) with the exchanges CCXT knows, once.
export function ccxtSuggest(input) {
  const list = input.list;
  if (!list || list.childElementCount) return;
  load()
    .then((module) => {
      if (list.childElementCount) return;
      for (const name of module.ccxtNames()) {
        const option = list.ownerDocument.createElement('option');
        option.value = name;
        list.append(option);
      }
    })
    .catch(() => {});
}

// What the form's search holds.
export function searchText(form) {
  return form.querySelector('input')?.value ?? '';
}

// `[case JSON, note]` for the exchange `query` names (the form's search is emptied for the next,
// unless it was changed meanwhile); rejects with the reader's words.
export async function ccxtStart(form, query, today) {
  let started;
  try {
    started = (await load()).ccxtStart(query, today);
  } catch (err) {
    throw new Error(message(err, 'The list of exchanges CCXT knows'));
  }
  const input = form.querySelector('input');
  if (input?.value === query) input.value = '';
  return started;
}
