// Offline after the first visit. Every same-origin GET goes to the network first and its answer
// is kept; when the network fails, the kept copy answers. An online user always gets the
// current version, an offline one the version they last loaded. Nothing else is fetched: the
// app sends no request of its own beyond its files.
const CACHE = 'connector-scope';
const FILES = ['./', 'index.html', 'boot.js', 'app.js', 'styles.css', 'favicon.svg', 'pkg/scope_web.js'];
// The wasm the app's module names (by a hash of its content).
const APP_WASM = /scope_web_bg\.[0-9a-f]+\.wasm/;

// The app's module names its wasm and wasm-bindgen's snippets (the reader's glue) by hashes of
// their content: found in the module's text and kept with the rest, so that the app starts
// offline.
async function named() {
  return namedBy(await (await fetch('pkg/scope_web.js')).text());
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    named()
      .catch(() => [])
      .then((more) => caches.open(CACHE).then((cache) => cache.addAll([...FILES, ...more])))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// A file named by its hash (a wasm, or the reader's loader), and the name it has without the
// hash: a new build's copy replaces the kept copy of the earlier one, never asked for again.
const HASHED = /^(.*)\.[0-9a-f]{16}(\.(?:wasm|js))$/;
const stemOf = (url) => {
  const m = new URL(url).pathname.match(HASHED);
  return m && m[1] + m[2];
};
const LOADER = /\/pkg\/scope_web\.js$/;

// New loaders waiting for the files they name (their wasm and snippets):
// [request, response, the addresses still missing, all it names].
const waiting = [];

// The addresses of the files the app's loader text names.
function namedBy(text) {
  const wasm = text.match(APP_WASM) || [];
  // The modules it imports, not the wasm's import names (the snippets' names before hashing).
  const snippets = [...text.matchAll(/from ['"]\.\/(snippets\/[\w./-]+\.js)['"]/g)].map((m) => m[1]);
  return [...new Set([...wasm, ...snippets])].map((path) => new URL(`pkg/${path}`, self.registration.scope).href);
}

async function keep(request, response) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  if (LOADER.test(path)) {
    // The loader and the files it names are kept together or not at all: a new loader kept
    // without its wasm or its snippets (the visit cut off before they arrived) would not start
    // offline. It waits for the page's own requests of them (fetching them here would fetch
    // them twice).
    const named = namedBy(await response.clone().text());
    const missing = [];
    for (const url of named) if (!(await cache.match(url))) missing.push(url);
    if (missing.length) {
      waiting.push([request, response, new Set(missing), named]);
      return;
    }
    await cache.put(request, response);
    for (const url of named) await dropOthers(cache, url);
    return;
  }
  await cache.put(request, response);
  for (const entry of [...waiting]) {
    const [loader, loaderResponse, missing, named] = entry;
    if (!missing.delete(request.url) || missing.size) continue;
    waiting.splice(waiting.indexOf(entry), 1);
    await cache.put(loader, loaderResponse);
    for (const url of named) await dropOthers(cache, url);
  }
  if (HASHED.test(path) && /pkg-scan\//.test(path)) {
    // The reader's loader or wasm (the app's glue names the loader of its own build).
    await dropOthers(cache, request.url);
  }
}

/** Drops the kept copies of `current` under other hashes: they are never asked for again. */
async function dropOthers(cache, current) {
  const stem = stemOf(current);
  if (!stem) return;
  for (const kept of await cache.keys()) {
    // Other hashes, and the name without a hash that builds before hashing used.
    const other = stemOf(kept.url) === stem || new URL(kept.url).pathname === stem;
    if (kept.url !== current && other) await cache.delete(kept);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const kept = () => caches.match(request, { ignoreSearch: true });
  event.respondWith(
    fetch(request)
      .then(async (response) => {
        if (response.ok) {
          event.waitUntil(keep(request, response.clone()));
          return response;
        }
        // A server error or a proxy's 502 while a good copy is kept: the copy answers.
        return (response.status >= 500 && (await kept())) || response;
      })
      .catch(() => kept().then((copy) => copy || Response.error())),
  );
});
