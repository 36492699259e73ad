// Every tool fits the space it is given: embedded alone in containers from a phone's width to a
// wide screen's, in MkDocs Material's content column, and as the app on a phone and a laptop.
// What "fits" means is in fit.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, cspViolations, launch, watchedPage } from './browser.mjs';
import { misfits } from './fit.mjs';

const PAGE = new URL('embed-example.html', APP_URL).href;
const DOCS = process.env.DOCS_URL;
const TOOLS = ['maturity', 'estimate', 'candidates', 'agreement', 'process', 'proposal', 'cases'];
const TABS = ['Maturity', 'Estimate', 'Candidates', 'Agreement', 'Process', 'Proposal', 'Cases'];
const WIDTHS = [320, 360, 688, 1600];

/** Mounts `tool` alone (compact, the mature example) in a container `width` px wide. */
async function mountAlone(page, tool, width) {
  await page.evaluate(
    async ({ tool, width }) => {
      const { mount } = await import('./embed.js');
      window.__fitWidget?.destroy();
      const c = await (await fetch('cases/mature-spot-cex.json')).json();
      document.body.replaceChildren();
      const host = document.createElement('div');
      host.id = 'fit-host';
      host.style.width = `${width}px`;
      document.body.append(host);
      window.__fitWidget = await mount(host, { tool, compact: true, case: c });
      await new Promise((r) => setTimeout(r, 300));
    },
    { tool, width },
  );
}

/** What a page's measures found: nothing, no CSP violation, no page problem; then it closes. */
async function nothingMisfits(failures, { context, page, problems }) {
  assert.deepEqual(failures, {}, JSON.stringify(failures, null, 1));
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
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
        await mountAlone(page, tool, width);
        const found = await page.locator('#fit-host .cs-root').evaluate(misfits);
        if (Object.keys(found).length) failures[tool] = found;
      }
      await nothingMisfits(failures, { context, page, problems });
    });
  }

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ]) test(`every tool fits Material's content column on a ${width} px screen`, async () => {
    const { context, page, problems } = await watchedPage(browser, { origin: new URL(DOCS).origin });
    await page.setViewportSize({ width, height });
    const failures = {};
    for (const tool of TOOLS) {
      // The widget is waited for below; the page's own load (Material's search, its worker) is not
      // what is measured. Its module scripts hold DOMContentLoaded until the wasm is compiled,
      // which on a cold first run of a fresh clone once took longer than the default 30 s.
      await page.goto(new URL(`${tool}.html`, DOCS).href, { waitUntil: 'commit', timeout: 90_000 });
      const root = page.locator(`[data-connector-scope=${tool}] .cs-root`);
      // In the full suite the first docs page at 1,280 px has now and then never shown its widget
      // (three runs in two sessions; never when this file runs alone; the cause is not known).
      // One reload is allowed, and counted: a second miss fails, and so does any other problem.
      // The one miss seen in CI since: Material's own bundle.js request stalled; the reload
      // aborts it, which is recorded as a failed request of the abandoned load and dropped here.
      const before = problems.length;
      try {
        await root.locator('h1').waitFor({ timeout: 45_000 });
      } catch {
        console.log(`# layout: ${tool}.html at ${width} px showed no widget in 45 s; reloaded once`);
        await page.reload({ waitUntil: 'commit', timeout: 90_000 });
        await root.locator('h1').waitFor({ timeout: 90_000 });
        const aborted = problems.splice(before).filter((p) => !p.startsWith('request failed:'));
        problems.push(...aborted);
      }
      await page.waitForTimeout(200);
      // The widget takes the column's width, not less: the test is of the column, not of a shrunk box.
      const widths = await root.evaluate((r) => [r.getBoundingClientRect().width, document.querySelector('.md-content__inner').getBoundingClientRect().width]);
      assert.ok(widths[0] >= widths[1] - 1 && widths[0] < 800, `${tool}: widget ${widths[0]} px in a column of ${widths[1]} px`);
      const found = await root.evaluate(misfits);
      // Nor does the page scroll sideways because of it.
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (sideways > 0) found.page = sideways;
      if (Object.keys(found).length) failures[tool] = found;
    }
    await nothingMisfits(failures, { context, page, problems });
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    test(`the app fits a ${width} px screen, every tool`, async () => {
      const { context, page, problems } = await watchedPage(browser);
      await page.setViewportSize({ width, height });
      await page.goto(APP_URL);
      const fold = page.getByRole('button', { name: 'Edit case' });
      await page.getByRole('tablist').waitFor();
      if (await fold.isVisible()) await fold.click();
      await page.getByLabel('Load').selectOption('Mature spot CEX');
      if (await fold.isVisible()) await fold.click();
      const failures = {};
      for (const tab of TABS) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(200);
        const found = await page.locator('.cs-root').evaluate(misfits);
        // The page itself never scrolls sideways.
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (sideways > 0) found.page = sideways;
        if (Object.keys(found).length) failures[tab] = found;
      }
      await nothingMisfits(failures, { context, page, problems });
    });
  }
});
