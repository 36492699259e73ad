// The browser half of BENCHMARKS.md, run by `cargo xtask bench browser`, which builds both apps,
// serves them with the same server and CSP, and writes the report from the JSON printed here.
//
// Start-up: navigation to the first render in #app (the app's tools, or the empty yew app's
// paragraph), in a fresh browser context (cold HTTP cache) each run, the two apps alternating.
// Interaction: from an input event to the frame after the figures it changes are on screen, on
// the largest case (tests/cases/largest-case.json). Chromium runs without vsync and frame-rate
// limit, so a frame is painted as soon as the work allows and the figure is the work plus
// rendering, not the wait for the next 60 Hz tick.
import { launch } from '../tests/e2e/browser.mjs';

const APP = process.env.SCOPE_URL;
const BASELINE = process.env.BASELINE_URL;
const CASE_FILE = process.env.LARGEST_CASE;
// A typical case: the largest one with its first ten candidates (bench/typical-case.json).
const TYPICAL_FILE = process.env.TYPICAL_CASE;
const SPEC = process.env.SPOT_SPEC;
const RUNS = Number(process.env.RUNS || 40);
const STARTS = Number(process.env.STARTS || 15);

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { runs: sorted.length, median: +at(50).toFixed(1), p95: +at(95).toFixed(1), max: +sorted.at(-1).toFixed(1) };
}

const browser = await launch(['--disable-gpu-vsync', '--disable-frame-rate-limit']);

// Lighthouse's mobile profile: a mid-range phone on a slow 4G network (1.6 Mbps down, 750 kbps
// up, 150 ms round trip), its CPU four times slower than this machine's; DevTools throttling.
const MOBILE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
  cpu: 4,
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};
const MOBILE_STARTS = Number(process.env.MOBILE_STARTS || 5);

/** One cold start: first render in #app, and the browser's first contentful paint. */
async function startUp(url, mobile = false) {
  const context = await browser.newContext(mobile ? MOBILE.context : {});
  const page = await context.newPage();
  if (mobile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
  }
  // The first view: #app holds a tool's markup (this app's pre-rendered one counts). Live: the
  // wasm's own render is in #app (for the empty app, the same moment).
  await page.addInitScript(() => {
    const content = (c) => !c.classList.contains('boot') && c.tagName !== 'NOSCRIPT';
    const check = (obs) => {
      const root = document.getElementById('app');
      if (!root) return;
      const children = [...root.children];
      if (!window.__firstView && children.some(content)) window.__firstView = performance.now();
      if (children.some((c) => content(c) && !c.classList.contains('prerendered'))) {
        window.__live = performance.now();
        obs.disconnect();
      }
    };
    const obs = new MutationObserver(() => check(obs));
    obs.observe(document, { subtree: true, childList: true });
  });
  await page.goto(url, { timeout: 120_000 });
  const wait = (f) => page.waitForFunction(f, null, { timeout: 120_000 }).then((h) => h.jsonValue());
  const live = await wait(() => window.__live);
  const view = await wait(() => window.__firstView);
  const fcp = await wait(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  await context.close();
  return { render: live, view, fcp };
}

/** `runs` cold starts of each app, alternating: every measure's times, by app. */
async function startUps(runs, mobile) {
  const out = { app: { render: [], view: [], fcp: [] }, baseline: { render: [], view: [], fcp: [] } };
  for (let i = 0; i < runs; i++) {
    for (const [url, name] of [[APP, 'app'], [BASELINE, 'baseline']]) {
      const t = await startUp(url, mobile);
      for (const k of ['render', 'view', 'fcp']) out[name][k].push(t[k]);
    }
  }
  const by = (k) => ({ app: summary(out.app[k]), baseline: summary(out.baseline[k]) });
  return { render: by('render'), view: by('view'), paint: by('fcp') };
}
await startUp(APP); // warm the server's and the OS's file caches once for each
await startUp(BASELINE);
const start = await startUps(STARTS, false);
const mobile = await startUps(MOBILE_STARTS, true);

/** In the page: set a field, wait for `watch` to change, then for the frame after it. */
async function measure(page, field, watch, values, kind) {
  return page.evaluate(
    async ({ field, watch, values, kind }) => {
      const el = document.querySelector(field);
      el.scrollIntoView({ block: 'center' }); // as a user typing there sees it
      const target = () => document.querySelector(watch)?.textContent;
      const frameDone = () => new Promise((resolve) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }));
      const out = [];
      for (const value of values) {
        const before = target();
        const changed = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (target() !== before) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        const t0 = performance.now();
        el.value = value;
        el.dispatchEvent(kind === 'input' ? new InputEvent('input', { bubbles: true }) : new Event('change', { bubbles: true }));
        await changed;
        out.push((await frameDone()) - t0);
      }
      return out;
    },
    { field, watch, values, kind },
  );
}

const page = await browser.newPage();
await page.goto(APP);
await page.getByRole('tab', { name: 'Cases' }).click();
await page.locator('#cs-import').setInputFiles(CASE_FILE);
await page.getByTestId('notice').waitFor();
const alternate = (a, b) => Array.from({ length: RUNS }, (_, i) => (i % 2 ? a : b));

await page.getByRole('tab', { name: 'Estimate' }).click();
const rates = Array.from({ length: RUNS }, (_, i) => String(70 + (i % 2 ? i : -i / 2)));
const rate = await measure(page, '#cs-estimate-hourly_rate', '[data-testid=cost] td', rates, 'input');
const experience = await measure(page, '#cs-estimate-experience', '[data-testid=effort] td',
  alternate('experienced', 'first_connector'), 'change');

await page.getByRole('tab', { name: 'Candidates' }).click();
const score = await measure(page, 'tr[data-row="0"] td input', '.ranking', alternate('20', '0'), 'input');

// The same keystroke on the typical case, imported as a case of its own (it opens as the current one).
await page.getByRole('tab', { name: 'Cases' }).click();
await page.locator('#cs-import').setInputFiles(TYPICAL_FILE);
await page.getByTestId('notice').waitFor();
await page.getByRole('tab', { name: 'Candidates' }).click();
await page.locator('.ranking .candidate').nth(9).waitFor();
const typical = await measure(page, 'tr[data-row="0"] td input', '.ranking', alternate('20', '0'), 'input');

await page.getByRole('tab', { name: 'Maturity' }).click();
const answer = await measure(page, '#cs-api-ws_order_book', '[data-testid=score]',
  alternate('partial', 'documented_with_examples'), 'change');
// Reading a real spot specification (Binance's, about 1 MB of OpenAPI 3 YAML): from handing the
// file to the page to the review on screen. The first read includes fetching and compiling the
// document reader's module; the next ones are the scan and the review alone.
const scans = [];
for (let i = 0; i < 5; i++) {
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('#cs-api-document').setInputFiles(SPEC);
  await page.getByTestId('scan-review').waitFor();
  const t1 = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(performance.now()))));
  scans.push(t1 - t0);
  await page.getByTestId('scan-review').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByTestId('scan-review').waitFor({ state: 'detached' });
}
await browser.close();

console.log(JSON.stringify({
  startup_ms: start,
  mobile_ms: mobile,
  interaction_ms: {
    'estimate: hourly rate typed (the same 10,000 draws re-priced)': summary(rate),
    'estimate: experience changed (10,000 samples drawn again)': summary(experience),
    'candidates: a value typed (50 candidates re-ranked by TOPSIS, with sensitivity)': summary(score),
    'candidates: a value typed on a typical case (10 candidates)': summary(typical),
    'maturity: an answer changed': summary(answer),
  },
  scan_ms: { first: scans[0], after: summary(scans.slice(1)) },
}, null, 2));
