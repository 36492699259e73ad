// Every tool fits the space it is given: embedded alone in containers from a phone's width to a
// wide screen's, and in a docs column. Nothing overflows the widget outside a labelled scroll
// region, no two controls overlap, and the summary's figures are inside the visible box.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, cspViolations, launch, screenshot, watchedPage } from './browser.mjs';

const PAGE = new URL('embed-example.html', APP_URL).href;
const TOOLS = ['maturity', 'estimate', 'candidates', 'agreement', 'process', 'proposal', 'cases'];
const WIDTHS = [360, 688, 1600];

/** Mounts `tool` alone in a container `width` px wide and measures what does not fit. */
async function measure(page, tool, width) {
  return page.evaluate(
    async ({ tool, width }) => {
      const { mount } = await import('./embed.js');
      const c = await (await fetch('cases/mature-spot-cex.json')).json();
      document.body.replaceChildren();
      const host = document.createElement('div');
      host.style.width = `${width}px`;
      document.body.append(host);
      const widget = await mount(host, { tool, compact: true, case: c });
      await new Promise((r) => setTimeout(r, 300));
      const root = host.shadowRoot.querySelector('.cs-root');
      const box = root.getBoundingClientRect();
      const inRegion = (el) => {
        for (let e = el; e && e !== root; e = e.parentElement) {
          if (e.getAttribute('role') === 'region' && getComputedStyle(e).overflowX !== 'visible') return true;
        }
        return false;
      };
      const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
      const outside = [];
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if ((r.right > box.right + 1 || r.left < box.left - 1) && !inRegion(el)) outside.push(`${name(el)} ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)}`);
      }
      const controls = [...root.querySelectorAll('input, select, button, textarea')]
        .filter((el) => !inRegion(el))
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.height > 0);
      const overlaps = [];
      for (let i = 0; i < controls.length; i++) {
        for (let j = i + 1; j < controls.length; j++) {
          const [a, ra] = controls[i];
          const [b, rb] = controls[j];
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && h > 1 && !a.contains(b) && !b.contains(a)) overlaps.push(`${name(a)} / ${name(b)}`);
        }
      }
      // The summary's figures: inside the widget, and not cut by their own scroll region.
      const summaries = [...root.querySelectorAll('.summary')].map((s) => {
        const r = s.getBoundingClientRect();
        const scrollers = [...s.querySelectorAll('.table-scroll')].filter((t) => t.scrollWidth > t.clientWidth + 1);
        return { inside: r.left >= box.left - 1 && r.right <= box.right + 1, clipped: scrollers.map(name) };
      });
      const result = { overflow: root.scrollWidth - root.clientWidth, outside: outside.slice(0, 8), overlaps: overlaps.slice(0, 8), summaries };
      widget.destroy();
      return result;
    },
    { tool, width },
  );
}

describe('layout', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    test(`every tool fits a ${width} px container`, async () => {
      const { context, page, problems } = await watchedPage(browser);
      await page.setViewportSize({ width: Math.max(width + 40, 400), height: 900 });
      await page.goto(PAGE);
      await page.locator('#first').getByTestId('cost').waitFor();
      const failures = {};
      for (const tool of TOOLS) {
        const m = await measure(page, tool, width);
        const bad = m.overflow > 1 || m.outside.length || m.overlaps.length || m.summaries.some((s) => !s.inside || s.clipped.length);
        if (bad) failures[tool] = m;
      }
      assert.deepEqual(failures, {}, JSON.stringify(failures, null, 1));
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
