// Accessibility, end to end: axe-core on every tool view, and every control reachable by Tab.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { APP_URL, launch, watchedPage } from './browser.mjs';

const TOOLS = ['Maturity', 'Estimate', 'Candidates', 'Agreement', 'Process', 'Proposal', 'Cases'];
// axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

async function violations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join('\n    ')}`);
  });
  return found;
}

/**
 * Every visible, enabled control of the page that Tab should reach. A radio group is one stop
 * (its checked radio; arrow keys move within it, as browsers do), so each radio carries its
 * group's index.
 */
async function controls(page) {
  return page.evaluate(() => {
    const all = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
    const groups = new Map();
    const wanted = [];
    [...all]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== 'hidden')
      .forEach((el) => {
        const group = el.type === 'radio' ? el.name : null;
        if (group !== null && groups.has(group)) {
          el.dataset.a11yIndex = groups.get(group);
          return;
        }
        const i = String(wanted.length);
        if (group !== null) groups.set(group, i);
        el.dataset.a11yIndex = i;
        wanted.push(wanted.length);
      });
    return wanted;
  });
}

describe('accessibility', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const example of ['Mature spot CEX', 'Blocked exchange']) {
    test(`axe finds no violation on any tool view (${example})`, async () => {
      const { context, page, problems } = await watchedPage(browser);
      await page.goto(APP_URL);
      await page.getByLabel('Load').selectOption(example);
      const report = [];
      for (const tool of TOOLS) {
        await page.getByRole('tab', { name: tool }).click();
        await page.getByRole('tabpanel').waitFor();
        for (const v of await violations(page)) report.push(`${tool}: ${v}`);
      }
      assert.deepEqual(report, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('axe finds no violation with errors on screen and in the dark theme', async () => {
    const { context, page, problems } = await watchedPage(browser, { colorScheme: 'dark' });
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Estimate' }).click();
    await page.getByLabel('Hourly rate').fill('-5');
    await page.getByRole('alert').first().waitFor();
    const report = [];
    for (const tool of TOOLS) {
      await page.getByRole('tab', { name: tool }).click();
      for (const v of await violations(page)) report.push(`${tool}: ${v}`);
    }
    assert.deepEqual(report, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Tab reaches every control of the page on every tool view', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    const missed = [];
    for (const tool of TOOLS) {
      await page.getByRole('tab', { name: tool }).click();
      const wanted = await controls(page);
      const reached = new Set();
      // From the top of the page, Tab walks the whole page: header, case bar, tabs, tool.
      await page.evaluate(() => document.activeElement?.blur());
      for (let step = 0; step < 2000 && reached.size < wanted.length; step++) {
        await page.keyboard.press('Tab');
        const index = await page.evaluate(() => document.activeElement?.dataset?.a11yIndex);
        if (index === undefined) continue;
        if (reached.has(Number(index)) && step > wanted.length) break; // around once: done
        reached.add(Number(index));
      }
      const notReached = wanted.filter((i) => !reached.has(i));
      for (const i of notReached) {
        missed.push(`${tool}: ${await page.evaluate((i) => {
          const el = document.querySelector(`[data-a11y-index="${i}"]`);
          return `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') || el.id || el.textContent.trim().slice(0, 40)}`;
        }, i)}`);
      }
    }
    assert.deepEqual(missed, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
