// The app shell, end to end: the real server, the release bundle, Debian's Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, cspViolations, launch, screenshot, watchedPage } from './browser.mjs';

const TOOLS = [
  ['Maturity', 'API maturity'],
  ['Estimate', 'Duration and cost'],
  ['Candidates', 'Maintainer candidates'],
  ['Agreement', 'Agreement and compensation'],
  ['Process', 'Engagement path and stages'],
  ['Proposal', 'Proposal to the exchange'],
  ['Cases', 'Cases'],
];

describe('app shell', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the server sends the page with a strict CSP and wasm with its MIME type', async () => {
    const page = await fetch(APP_URL);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    assert.match(csp, /default-src 'none'/);

    const named = (await (await fetch(APP_URL)).text()).match(/pkg\/scope_web_bg\.[0-9a-f]{16}\.wasm/);
    assert.ok(named, 'the page preloads the wasm by its hashed name');
    const wasm = await fetch(new URL(named[0], APP_URL));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const magic = new Uint8Array(await wasm.arrayBuffer()).slice(0, 4);
    assert.deepEqual([...magic], [0x00, 0x61, 0x73, 0x6d]);

    const missing = await fetch(new URL('no-such-file.js', APP_URL));
    assert.equal(missing.status, 404);
  });

  test('the page holds the first tool, pre-rendered and inert, and the wasm takes its place with no error or CSP violation', async () => {
    const html = await (await fetch(APP_URL)).text();
    const first = html.match(/<div class="prerendered" inert>([\s\S]*?)<p class="boot"/);
    assert.ok(first, 'the first view is in the page, inert');
    assert.match(first[1], /role="tablist"/);
    assert.match(first[1], /<h1[^>]*>API maturity<\/h1>/);
    assert.match(first[1], /data-testid="score"/, 'a first-time visitor sees the score before the wasm');

    // Without JavaScript the page still shows it, and says why nothing answers.
    const still = await browser.newContext({ javaScriptEnabled: false });
    const off = await still.newPage();
    await off.goto(APP_URL, { firstView: true });
    assert.ok(await off.locator('.prerendered h1').isVisible());
    assert.match(await off.locator('noscript').textContent(), /needs JavaScript and WebAssembly/);
    assert.equal(await off.locator('.boot[role=status]').isVisible(), false, 'no "Loading" when nothing will load');
    await still.close();

    // The app's module cannot be fetched: the page says so instead of keeping the picture up.
    const broken = await browser.newContext({ serviceWorkers: 'block' });
    const failing = await broken.newPage();
    await failing.route(/\/pkg\/scope_web\.js$/, (route) => route.abort('connectionreset'));
    await failing.goto(APP_URL, { firstView: true });
    await failing.locator('#app.boot-failed').waitFor();
    assert.match(await failing.locator('#app').textContent(), /^Connector Scope could not start/);
    assert.equal(await failing.locator('.prerendered').count(), 0);
    await broken.close();

    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.locator('[data-app="connector-scope"] [role="tablist"]').waitFor();
    assert.equal(await page.locator('.boot, .prerendered').count(), 0, 'the first view and the loading note are replaced');

    const wasmLoaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => /\/pkg\/scope_web_bg\.[0-9a-f]{16}\.wasm$/.test(e.name)),
    );
    assert.ok(wasmLoaded, 'the page fetched the wasm module');

    const tabs = await page.getByRole('tab').allTextContents();
    assert.deepEqual(tabs, TOOLS.map(([label]) => label));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'API maturity');
    // The live score is the pre-rendered one: a first-time visitor sees no figure change.
    assert.equal(await page.getByTestId('score').textContent(), first[1].match(/data-testid="score"[^>]*>([^<]*)</)[1]);
    await screenshot(page, 'shell-desktop');

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a returning visitor never sees the first view\'s figures: their stored work replaces the loading note', async () => {
    // No service worker: it would answer the wasm request itself, past the route that holds it.
    const { context, page, problems } = await watchedPage(browser, { serviceWorkers: 'block' });
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.waitForFunction(() => (localStorage.getItem('connector-scope/workspace') || '').includes('Kestrel'));
    // The next visit, with the wasm held back: what shows while it downloads.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/scope_web_bg\.[0-9a-f]{16}\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    const visit = page.goto(APP_URL, { firstView: true });
    await page.waitForSelector('#app > .prerendered', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('cs-restoring')), true);
    assert.equal(await page.locator('#app > .prerendered').isVisible(), false, 'the blank case\'s figures are hidden');
    assert.ok(await page.locator('.boot').isVisible(), 'the loading note shows instead');
    release();
    await visit;
    await page.waitForSelector('#app > .prerendered', { state: 'detached' });
    assert.match(await page.locator('.case-line').textContent(), /Kestrel Exchange/);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a new user can open every tool by click and by keyboard', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    for (const [label, title] of TOOLS) {
      await page.getByRole('tab', { name: label }).click();
      assert.equal(await page.getByRole('tab', { selected: true }).textContent(), label);
      assert.equal(await page.getByRole('tabpanel').getByRole('heading', { level: 1 }).textContent(), title);
    }
    // Keyboard: focus is on the last clicked tab (Cases); ArrowRight wraps to Maturity.
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { selected: true }).textContent(), 'Maturity');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-maturity');
    await page.keyboard.press('End');
    assert.equal(await page.getByRole('tab', { selected: true }).textContent(), 'Cases');

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the shell fits a 360 px phone without horizontal scrolling', async () => {
    const { context, page, problems } = await watchedPage(browser, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
    });
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    // The case is folded to one line on a phone; its button unfolds it.
    assert.equal(await page.getByLabel('Load').isVisible(), false);
    await page.getByRole('button', { name: 'Edit case' }).click();
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('button', { name: 'Done' }).click();
    assert.match(await page.locator('.case-line').textContent(), /Kestrel Exchange.*Spot, new connector/);
    for (const [label] of TOOLS) {
      await page.getByRole('tab', { name: label }).click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `${label}: the page is no wider than the screen (wide tables scroll inside)`);
    }
    await page.getByRole('tab', { name: 'Estimate' }).click();
    // The tool's figures are on the first screen.
    const cost = await page.getByTestId('cost').boundingBox();
    assert.ok(cost && cost.y + cost.height <= 740, `the cost row ends at ${cost && cost.y + cost.height} px, below the first screen`);
    await screenshot(page, 'estimate-phone');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a wide screen the sticky summary never covers the full-width parts below it', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    for (const [tool, wide] of [
      ['Estimate', '.details'],
      ['Candidates', '.candidate-table'],
      ['Agreement', '[aria-label="Projection by month"]'],
      ['Process', 'table.stages'],
    ]) {
      await page.getByRole('tab', { name: tool }).click();
      // Scrolled so the full-width part fills the screen, where a sticky summary would follow.
      const overlap = await page.evaluate(async (wide) => {
        document.querySelector(wide).scrollIntoView({ block: 'start' });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const a = document.querySelector('[role=tabpanel] .summary').getBoundingClientRect();
        const b = document.querySelector(wide).getBoundingClientRect();
        return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)) * Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
      }, wide);
      assert.equal(overlap, 0, `${tool}: the summary overlaps ${wide}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
