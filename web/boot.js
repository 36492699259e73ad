// Runs before the page is first painted (a classic script in <head>, not a module, so that it
// blocks the first paint; a file, because the Content-Security-Policy forbids inline script).
// The page holds the app's first view as a first-time visitor sees it, pre-rendered at build:
// a visitor with stored work, or opening a shared case, would see figures that are not theirs
// until the wasm starts, so for them the first view is hidden and only the loading note shows.
// `cs-js`: scripts run, so the loading note may say the app is loading (without them it is not).
document.documentElement.classList.add('cs-js');
try {
  const stored = localStorage.getItem('connector-scope/workspace') !== null;
  // As the app reads it: any number of leading '#', then parts joined by '&'.
  const shared = /^#*(?:[^&]*&)*connector-scope-case=/.test(location.hash);
  if (stored || shared) document.documentElement.classList.add('cs-restoring');
} catch {
  // Storage blocked: nothing stored can be restored either, so the first view is right.
}
