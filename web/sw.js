// Offline after the first visit. Every same-origin GET goes to the network first and its answer
// is kept; when the network fails, the kept copy answers. An online user always gets the
// current version, an offline one the version they last loaded. Nothing else is fetched: the
// app sends no request of its own beyond its files.
const CACHE = 'connector-scope';
const FILES = ['./', 'index.html', 'app.js', 'styles.css', 'favicon.svg', 'pkg/scope_web.js', 'pkg/scope_web_bg.wasm'];

// The app's module imports wasm-bindgen's snippets (the document reader's loader) under a folder
// named by a hash: found in the module's text, kept with the rest, so the app starts offline.
async function snippets() {
  const text = await (await fetch('pkg/scope_web.js')).text();
  return [...new Set(text.match(/snippets\/[\w./-]+\.js/g) || [])].map((path) => `pkg/${path}`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    snippets()
      .catch(() => [])
      .then((more) => caches.open(CACHE).then((cache) => cache.addAll([...FILES, ...more])))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((kept) => kept || Response.error())),
  );
});
