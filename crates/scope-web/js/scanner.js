// Loads the API-document reader (web/pkg-scan, built from crates/scope-scan-web) the first time
// it is needed. wasm-bindgen copies this file to pkg/snippets/<crate>-<hash>/js/, so the module
// sits four folders up, beside pkg/, wherever the app or a widget is hosted.
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

// Scans the documents and renders the review into `host`; resolves with the review (its
// close() takes it out of the page), rejects with the reader's message or the loader's.
export async function openReview(host, documentsJson, refusedJson, caseJson, onAccept, onDismiss) {
  const module = await load();
  return module.openReview(host, documentsJson, refusedJson, caseJson, onAccept, onDismiss);
}

// Takes an open review out of the page.
export function closeReview(review) {
  review?.close();
}
