// Offline after the first visit. Every same-origin GET goes to the network first and its answer
// is kept; when the network fails, the kept copy answers. An online user always gets the
// current version, an offline one the version they last loaded. Nothing else is fetched: the
// app sends no request of its own beyond its files.
const CACHE = 'connector-scope';
const FILES = ['./', 'index.html', 'boot.js', 'app.js', 'styles.css', 'favicon.svg', 'pkg/scope_web.js'];
// The wasm the app's module names (by a hash of its content).
const APP_WASM = /scope_web_bg\.[0-9a-f]+\.wasm/;

// The app's module names its wasm by a hash of its content, and imports wasm-bindgen's snippets
// (the document reader's loader) under a folder named by a hash: both found in the module's
// text and kept with the rest, so that the app starts offline.
async function named() {
  const text = await (await fetch('pkg/scope_web.js')).text();
  const wasm = text.match(APP_WASM) || [];
  const snippets = text.match(/snippets\/[\w./-]+\.js/g) || [];
  return [...new Set([...wasm, ...snippets])].map((path) => `pkg/${path}`);
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

// A new loader waiting for its wasm, by the wasm's address.
const waiting = new Map();

async function keep(request, response) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  if (LOADER.test(path)) {
    // The loader and the wasm it names are kept together or not at all: a new loader kept
    // without its wasm (the visit cut off before the wasm arrived) would not start offline.
    // It waits for the page's own request of the wasm (fetching it here would fetch it twice).
    const named = (await response.clone().text()).match(APP_WASM);
    const wasm = named && new URL(`pkg/${named[0]}`, self.registration.scope).href;
    if (wasm && !(await cache.match(wasm))) {
      waiting.set(wasm, [request, response]);
      return;
    }
    await cache.put(request, response);
    if (wasm) await dropOthers(cache, wasm);
    return;
  }
  await cache.put(request, response);
  const loader = waiting.get(request.url);
  if (loader) {
    waiting.delete(request.url);
    await cache.put(...loader);
    await dropOthers(cache, request.url);
  } else if (HASHED.test(path) && !/scope_web_bg/.test(path)) {
    // The reader's loader or wasm (the app's glue names the loader of its own build).
    await dropOthers(cache, request.url);
  }
}

/** Drops the kept copies of `current` under other hashes: they are never asked for again. */
async function dropOthers(cache, current) {
  const stem = stemOf(current);
  if (!stem) return;
  for (const kept of await cache.keys()) {
    if (kept.url !== current && stemOf(kept.url) === stem) await cache.delete(kept);
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
