// Offline after the first visit. Every same-origin GET goes to the network first and its answer
// is kept; when the network fails, the kept copy answers. An online user always gets the
// current version, an offline one the version they last loaded. Nothing else is fetched: the
// app sends no request of its own beyond its files.
const CACHE = 'connector-scope';
const FILES = ['./', 'index.html', 'app.js', 'styles.css', 'favicon.svg', 'pkg/scope_web.js', 'pkg/scope_web_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
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
