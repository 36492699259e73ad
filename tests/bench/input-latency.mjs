// Input latency in headless Chromium: from an input event to the next frame after the figures
// it changes are on screen. Run by `cargo xtask bench browser`; figures go in BENCHMARKS.md.
import { launch } from '../e2e/browser.mjs';

const URL = process.env.SCOPE_URL;
const RUNS = Number(process.env.RUNS || 40);

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { runs: sorted.length, median_ms: +at(50).toFixed(1), p95_ms: +at(95).toFixed(1), max_ms: +sorted.at(-1).toFixed(1) };
}

/** In the page: set a field, wait for `watch` to change, then for the next animation frame. */
async function measure(page, field, watch, values, kind) {
  return page.evaluate(
    async ({ field, watch, values, kind }) => {
      const el = document.querySelector(field);
      const target = () => document.querySelector(watch)?.textContent;
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
        await new Promise((r) => requestAnimationFrame(() => r()));
        out.push(performance.now() - t0);
      }
      return out;
    },
    { field, watch, values, kind },
  );
}

const browser = await launch();
const page = await browser.newPage();
await page.goto(URL);
await page.getByLabel('Load').selectOption('Mature spot CEX');

await page.getByRole('tab', { name: 'Estimate' }).click();
const rates = Array.from({ length: RUNS }, (_, i) => String(70 + (i % 2 ? i : -i / 2)));
const estimate = await measure(page, '#cs-estimate-hourly_rate', '[data-testid=cost] td', rates, 'input');
const levels = Array.from({ length: RUNS }, (_, i) => (i % 2 ? 'experienced' : 'first_connector'));
const resimulated = await measure(page, '#cs-estimate-experience', '[data-testid=effort] td', levels, 'change');

await page.getByRole('tab', { name: 'Maturity' }).click();
const answers = Array.from({ length: RUNS }, (_, i) => (i % 2 ? 'partial' : 'documented_with_examples'));
const maturity = await measure(page, '#cs-api-ws_order_book', '[data-testid=score]', answers, 'change');

console.log(JSON.stringify({
  'estimate: hourly rate typed (mature spot, 10,000 samples; same draws re-priced)': summary(estimate),
  'estimate: experience changed (10,000 samples drawn again)': summary(resimulated),
  'maturity: an answer changed': summary(maturity),
}, null, 2));
await browser.close();
