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
const SPEC = process.env.SPOT_SPEC;
const RUNS = Number(process.env.RUNS || 40);
const STARTS = Number(process.env.STARTS || 15);

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { runs: sorted.length, median: +at(50).toFixed(1), p95: +at(95).toFixed(1), max: +sorted.at(-1).toFixed(1) };
}

const browser = await launch(['--disable-gpu-vsync', '--disable-frame-rate-limit']);

async function startUp(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const root = document.getElementById('app');
      if (root && [...root.children].some((c) => !c.classList.contains('boot') && c.tagName !== 'NOSCRIPT')) {
        window.__firstRender = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  const t = await page.waitForFunction(() => window.__firstRender).then((h) => h.jsonValue());
  await context.close();
  return t;
}

const start = { app: [], baseline: [] };
await startUp(APP); // warm the server's and the OS's file caches once for each
await startUp(BASELINE);
for (let i = 0; i < STARTS; i++) {
  start.app.push(await startUp(APP));
  start.baseline.push(await startUp(BASELINE));
}

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
  startup_ms: { app: summary(start.app), baseline: summary(start.baseline) },
  interaction_ms: {
    'estimate: hourly rate typed (the same 10,000 draws re-priced)': summary(rate),
    'estimate: experience changed (10,000 samples drawn again)': summary(experience),
    'candidates: a value typed (50 candidates re-ranked by TOPSIS, with sensitivity)': summary(score),
    'maturity: an answer changed': summary(answer),
  },
  scan_ms: { first: scans[0], after: summary(scans.slice(1)) },
}, null, 2));
