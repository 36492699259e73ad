// Runs the first view's server renderer (scope-web built for Node with its `prerender` feature)
// and prints the HTML: `node xtask/prerender.cjs target/prerender/scope_prerender.js`.
//
// yew's scheduler takes a timer's id for a number, as a browser's is. Node's is an object, which
// wasm-bindgen's checks in a dev build reject; the scheduler only sets a timer when a render
// outlasts its time slice, so the build failed only on a busy machine. Ids are numbers here.
const timers = new Map();
let next = 1;
const { setTimeout: set, clearTimeout: clear } = globalThis;
globalThis.setTimeout = (callback, ms, ...args) => {
  const id = next++;
  timers.set(id, set(() => {
    timers.delete(id);
    callback(...args);
  }, ms));
  return id;
};
globalThis.clearTimeout = (id) => {
  clear(timers.get(id));
  timers.delete(id);
};

require(require('node:path').resolve(process.argv[2]))
  .prerender()
  .then((html) => process.stdout.write(html));
