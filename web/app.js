// Loads the wasm module and mounts the whole app into #app. A separate file, not an inline
// script, because the Content-Security-Policy forbids inline script.
// The module is imported here, not at the top: a module that cannot be fetched (pkg/ missing, a
// wrong MIME type) must reach the catch below, not leave the first view up with no word.
const root = document.getElementById('app');
try {
  const { default: init, mountApp } = await import('./pkg/scope_web.js');
  await init();
  mountApp(root);
} catch (err) {
  // Text only: never inject markup built from an error message.
  root.textContent = 'Connector Scope could not start in this browser: ' + err;
  root.classList.add('boot-failed');
  console.error(err);
}

// Offline use after this first visit (web/sw.js). Registered after start-up so it never delays
// it; a browser without service workers (or with them blocked) simply stays online-only.
navigator.serviceWorker?.register('sw.js').catch(() => {});
