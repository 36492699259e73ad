// Offline and private: after one visit the app works with the network cut (web/sw.js), and no
// request leaves the app's origin (watchedPage records any that does).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, launch, watchedPage } from './browser.mjs';

const TOOLS = ['Maturity', 'Estimate', 'Candidates', 'Agreement', 'Process', 'Proposal', 'Cases'];

describe('offline', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('after the first load the app starts and computes with the network cut', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const origins = new Set();
    context.on('request', (r) => origins.add(new URL(r.url()).origin));
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('tablist').waitFor();
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    assert.equal(await page.getByTestId('score').textContent(), '92.5');
    for (const tool of TOOLS) {
      await page.getByRole('tab', { name: tool }).click();
      await page.getByRole('tabpanel').getByRole('heading', { level: 1 }).waitFor();
    }
    await page.getByRole('tab', { name: 'Estimate' }).click();
    await page.getByLabel('Hourly rate').fill('80');
    assert.match(await page.getByTestId('cost').locator('td').first().textContent(), /^\d{1,3}(,\d{3})*\.\d\d$/);

    // A new tab, offline from the start, still opens the app from the kept copy.
    const second = await context.newPage();
    await second.goto(APP_URL);
    await second.getByRole('tablist').waitFor();

    assert.deepEqual([...origins], [new URL(APP_URL).origin]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  /**
   * A first visit, kept by the service worker; then a new build is served: its loader names the
   * wasm `next` (routes on the context also see the service worker's own requests). The wasm of
   * the build the visit kept, as bytes.
   */
  async function keptThenNewBuild(context, page, next) {
    await page.goto(APP_URL);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForFunction(async () => (await caches.keys()).length > 0);
    const built = await (await context.request.get(new URL('pkg/scope_web.js', APP_URL).href)).text();
    const current = built.match(/scope_web_bg\.[0-9a-f]{16}\.wasm/)[0];
    await context.route(/\/pkg\/scope_web\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: built.replace(current, next) }),
    );
    return (await context.request.get(new URL(`pkg/${current}`, APP_URL).href)).body();
  }

  /**
   * The new build's file `next` never arrives (the connection drops), so the page cannot start;
   * then, offline with the new build gone, the kept copy must start the app.
   */
  async function cutOffThenOffline(context, page, next) {
    await context.route(`**/pkg/${next}`, (route) => route.abort('connectionreset'));
    await page.goto(APP_URL, { firstView: true });
    await page.waitForFunction(() => document.getElementById('app').classList.contains('boot-failed'));
    // Let the service worker finish what it keeps.
    await page.waitForTimeout(500);
    await context.unrouteAll();
    await context.setOffline(true);
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
  }

  test('a new build replaces the kept copy whole: its loader with its wasm, and the old wasm dropped', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The next build: the same code under another hash, fully fetched.
    const next = 'scope_web_bg.fedcba9876543210.wasm';
    const wasm = await keptThenNewBuild(context, page, next);
    await context.route(`**/pkg/${next}`, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: wasm }));
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    const kept = async () =>
      page.evaluate(async () => {
        const cache = await caches.open('connector-scope');
        return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => /scope_web_bg/.test(p));
      });
    await page.waitForFunction(async (next) => {
      const cache = await caches.open('connector-scope');
      const names = (await cache.keys()).map((r) => r.url);
      return names.some((u) => u.endsWith(next)) && names.filter((u) => /scope_web_bg/.test(u)).length === 1;
    }, next);
    assert.deepEqual((await kept()).map((p) => p.split('/').pop()), [next], 'only the new wasm is kept');

    // Offline, with the new build no longer served: the kept loader and its wasm start the app.
    await context.unrouteAll();
    await context.setOffline(true);
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    await context.close();
  });

  test('a visit cut off while a new build arrives leaves the kept copy able to start offline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The connection drops before the new build's wasm arrives.
    const next = 'scope_web_bg.0123456789abcdef.wasm';
    await keptThenNewBuild(context, page, next);
    await cutOffThenOffline(context, page, next);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'API maturity');
    await context.close();
  });

  test('a new build whose glue never arrived is not kept: the kept copy still starts offline', async () => {
    // The app's loader and the snippets it imports (the reader's glue) are one set, like the wasm.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(APP_URL);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForFunction(async () => (await caches.keys()).length > 0);
    const built = await (await context.request.get(new URL('pkg/scope_web.js', APP_URL).href)).text();
    const glue = built.match(/snippets\/[^'"]+\/scanner\.[0-9a-f]{16}\.js/)[0];
    const next = glue.replace(/\.[0-9a-f]{16}\.js$/, '.fedcba9876543210.js');
    await context.route(/\/pkg\/scope_web\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: built.replaceAll(glue, next) }),
    );
    await cutOffThenOffline(context, page, next);
    await context.close();
  });
});
