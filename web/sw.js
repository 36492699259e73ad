// Offline after the first visit. Every same-origin GET goes to the network first and its answer
// is kept; when the network fails, the kept copy answers. An online user always gets the
// current version, an offline one the version they last loaded. Nothing else is fetched: the
// app sends no request of its own beyond its files.
const CACHE = 'connector-scope';
const FILES = ['./', 'index.html', 'boot.js', 'app.js', 'styles.css', 'favicon.svg', 'pkg/scope_web.js'];

// The app's module names its wasm by a hash of its content, and imports wasm-bindgen's snippets
// (the document reader's loader) under a folder named by a hash: both found in the module's
// text and kept with the rest, so that the app starts offline.
async function named() {
  const text = await (await fetch('pkg/scope_web.js')).text();
  const wasm = text.match(/scope_web_bg\.[0-9a-f]+\.wasm/g) || [];
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

// A wasm file named by its hash, and the name it has without the hash: a new build's copy
// replaces the kept copy of the earlier one, which is never asked for again.
const HASHED = /^(.*_bg)\.[0-9a-f]+\.wasm$/;

async function keep(request, response) {
  const cache = await caches.open(CACHE);
  const hashed = new URL(request.url).pathname.match(HASHED);
  if (hashed) {
    for (const kept of await cache.keys()) {
      const other = new URL(kept.url).pathname.match(HASHED);
      if (other && other[1] === hashed[1] && kept.url !== request.url) await cache.delete(kept);
    }
  }
  await cache.put(request, response);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) event.waitUntil(keep(request, response.clone()));
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((kept) => kept || Response.error())),
  );
});
