// The questionnaire fills itself (issue 20): read an API document, review, accept, see the score
// move and the sources in the proposal; start from an exchange CCXT knows; and the scanner's
// module is fetched only when a document is read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { APP_URL, cspViolations, launch, screenshot, watchedPage } from './browser.mjs';

const FIXTURES = join(process.env.CASES_DIR || 'tests/cases', '../../crates/scope-scan/tests/fixtures');
const fixture = (name) => join(FIXTURES, name);

describe('prefill', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('read API documents, review, accept: the score moves and the proposal names the documents', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(APP_URL);
    const score = async () => Number(await page.getByTestId('score').textContent());
    const start = await score();
    // Nothing of the scanner on the first load.
    assert.ok(!requests.some((p) => p.includes('pkg-scan')), requests.join('\n'));

    // One answer of the user's own, which the review must keep.
    await page.getByLabel('Order book snapshot (required)').selectOption('partial');
    await page.getByLabel(/Read an API document/).setInputFiles([fixture('spot_openapi.yaml'), fixture('ws_asyncapi.yaml')]);
    const review = page.getByTestId('scan-review');
    await review.waitFor();
    assert.ok(requests.some((p) => /pkg-scan\/scope_scan_bg\.[0-9a-f]{16}\.wasm$/.test(p)), 'the scanner module was loaded');
    assert.match(await review.textContent(), /spot_openapi\.yaml: OpenAPI 3\.0\.1, 11 operations/);
    assert.match(await review.textContent(), /ws_asyncapi\.yaml: AsyncAPI 2\.6\.0, 0 operations, 3 channels/);
    // The user's answer is shown, not ticked; a new one is ticked.
    const own = review.locator('[data-item=rest_order_book]');
    assert.match(await own.textContent(), /Partial or undocumented \(your answer\)/);
    assert.equal(await own.getByRole('checkbox').isChecked(), false);
    assert.equal(await review.locator('[data-item=ws_order_book]').getByRole('checkbox').isChecked(), true);
    await review.locator('[data-item=ws_order_book] summary').click();
    assert.match(await review.locator('[data-item=ws_order_book] .evidence').textContent(), /channel \{symbol\}@depth in ws_asyncapi\.yaml/);
    await screenshot(page, 'prefill-review');

    await review.getByRole('button', { name: /Accept all new and better/ }).click();
    await page.getByTestId('scan-accepted').waitFor();
    const after = await score();
    assert.ok(after > start + 20, `${start} -> ${after}`);
    assert.equal(await page.getByLabel('Order book snapshot (required)').inputValue(), 'partial', 'the own answer kept');
    assert.equal(await page.getByLabel('Order book channel (required)').inputValue(), 'documented_with_examples');
    const source = page.locator('[data-item=ws_order_book] [data-testid=answer-source]');
    assert.equal(await source.textContent(), 'From ws_asyncapi.yaml');

    // A change by hand makes the answer the user's own again.
    await page.getByLabel('Order book channel (required)').selectOption('documented');
    assert.equal(await source.count(), 0);

    await page.getByRole('tab', { name: 'Proposal' }).click();
    const proposal = await page.locator('.proposal-view').textContent();
    assert.match(proposal, /Where the answers came from:/);
    assert.match(proposal, /spot_openapi\.yaml \(\d+ answers\)/);
    assert.match(proposal, /ws_asyncapi\.yaml \(\d+ answers\)/);
    assert.match(proposal, /Given by hand: 2 answers\./);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a small review takes its own clicks (the app once ran its tabs for them)', async () => {
    // The review is a second wasm instance in the page; with yew in both, a click in a review of
    // a few proposals ran the app's handler of the same number (a tab) instead.
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.locator('#cs-api-document').setInputFiles(fixture('ws_asyncapi.yaml'));
    const review = page.getByTestId('scan-review');
    await review.waitFor();
    await review.locator('[data-item=ws_balances] input').uncheck();
    assert.match(await review.getByRole('button', { name: /Accept ticked/ }).textContent(), /Accept ticked \(4\)/);
    await review.getByRole('button', { name: /Accept ticked/ }).click();
    await page.getByTestId('scan-accepted').waitFor();
    assert.equal(await page.getByRole('tab', { selected: true }).textContent(), 'Maturity');
    assert.equal(await page.getByLabel('Order book channel (required)').inputValue(), 'documented_with_examples');
    assert.equal(await page.getByLabel('Balance channel').inputValue(), '', 'the unticked one is not taken');
    // Nothing in a document that answers a question says so.
    await page.locator('#cs-api-document').setInputFiles(fixture('no_trading.json'));
    await review.waitFor();
    assert.match(await review.textContent(), /Nothing in these documents answers a question/);
    await review.getByRole('button', { name: 'Dismiss' }).click();
    await review.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a file that is not an API document says so and changes nothing', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    const before = await page.getByTestId('score').textContent();
    await page.getByLabel(/Read an API document/).setInputFiles({ name: 'notes.yaml', mimeType: 'text/yaml', buffer: Buffer.from('title: my notes\n') });
    const problem = page.getByTestId('scan-problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), /notes\.yaml: not an OpenAPI, Swagger or AsyncAPI document/);
    assert.equal(await page.getByTestId('score').textContent(), before);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('start from an exchange CCXT knows', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(APP_URL);
    // The table is the reader's: fetched when the search is first focused, then suggested.
    assert.ok(!requests.some((p) => p.includes('pkg-scan')), requests.join('\n'));
    // The case's fields fold away behind "Edit case" on narrow screens only.
    const edit = page.getByRole('button', { name: 'Edit case' });
    if (await edit.isVisible()) await edit.click();
    await page.getByLabel('Start from an exchange CCXT knows').focus();
    await page.waitForFunction(() => document.querySelectorAll('#cs-ccxt-exchanges option').length > 50);
    assert.ok(await page.locator('#cs-ccxt-exchanges option[value="Kraken"]').count() === 1);
    await page.getByLabel('Start from an exchange CCXT knows').fill('Kraken');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Started a case for Kraken from CCXT' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /Hummingbot already has a connector for it \(kraken\)/);
    assert.equal(await page.getByLabel('Start from an exchange CCXT knows').inputValue(), '', 'emptied for the next');
    assert.equal(await page.getByLabel('Exchange', { exact: true }).inputValue(), 'Kraken');
    assert.equal(await page.getByLabel('Order book snapshot (required)').inputValue(), 'partial');
    assert.match(await page.locator('[data-item=rest_order_book] [data-testid=answer-source]').textContent(), /From CCXT 4\.\d+\.\d+ \(kraken\): CCXT implements it: available, but how well it is documented is not known/);
    // A name that matches several says so and starts nothing.
    await page.getByLabel('Start from an exchange CCXT knows').fill('bit');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText(/exchanges match "bit"/).waitFor();
    assert.equal(await page.getByLabel('Exchange', { exact: true }).inputValue(), 'Kraken');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an open review closes when an answer changes by hand', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.locator('#cs-api-document').setInputFiles(fixture('ws_asyncapi.yaml'));
    const review = page.getByTestId('scan-review');
    await review.waitFor();
    await page.getByLabel('Order book snapshot (required)').selectOption('partial');
    await review.waitFor({ state: 'detached' });
    assert.match(await page.getByTestId('scan-accepted').textContent(), /The answers changed while the review was open/);
    assert.equal(await page.getByLabel('Order book channel (required)').inputValue(), '', 'nothing accepted');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a reader that cannot be fetched says so, and the next try fetches it', async () => {
    // The service worker is blocked so that the route sees the module's requests.
    const { context, page, problems } = await watchedPage(browser, { serviceWorkers: 'block' });
    await context.route('**/pkg-scan/**', (route) => route.abort());
    await page.goto(APP_URL);
    await page.locator('#cs-api-document').setInputFiles(fixture('ws_asyncapi.yaml'));
    const problem = page.getByTestId('scan-problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), /^Not read: the document reader could not be fetched: it comes the first time it is used/);
    const edit = page.getByRole('button', { name: 'Edit case' });
    if (await edit.isVisible()) await edit.click();
    await page.getByLabel('Start from an exchange CCXT knows').fill('Kraken');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The list of exchanges CCXT knows could not be fetched' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).isEnabled(), true);
    // The network is back: the same panel reads the document.
    await context.unroute('**/pkg-scan/**');
    await page.locator('#cs-api-document').setInputFiles(fixture('ws_asyncapi.yaml'));
    await page.getByTestId('scan-review').waitFor();
    assert.equal(await problem.count(), 0);
    assert.deepEqual(problems.filter((p) => !/request failed: .*pkg-scan|Failed to load resource: net::ERR_FAILED/.test(p)), []);
    await context.close();
  });

  test('a start that waits for the reader says so, and starts one case however often it is pressed', async () => {
    const { context, page, problems } = await watchedPage(browser, { serviceWorkers: 'block' });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/pkg-scan/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(APP_URL);
    const edit = page.getByRole('button', { name: 'Edit case' });
    if (await edit.isVisible()) await edit.click();
    const search = page.getByLabel('Start from an exchange CCXT knows');
    await search.fill('Kraken');
    await search.press('Enter');
    await search.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Starting a case from CCXT...' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).isDisabled(), true);
    release();
    await page.getByRole('status').filter({ hasText: 'Started a case for Kraken from CCXT' }).waitFor();
    await page.waitForFunction(() => (localStorage.getItem('connector-scope/workspace') || '').includes('Kraken'));
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('connector-scope/workspace')));
    assert.equal(stored.cases.filter((c) => c.case.exchange.name === 'Kraken').length, 1);
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).isEnabled(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('what the reader is given by a user stays in its place: long and empty names, refusals, scripts', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 800 } });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(APP_URL);
    const text = (await import('node:fs')).readFileSync(fixture('ws_asyncapi.yaml'));
    // A long file name wraps inside the phone's width, in the review and its status.
    await page.locator('#cs-api-document').setInputFiles({ name: `${'binance_spot_api_openapi_specification_v3_'.repeat(4)}.yaml`, mimeType: 'text/yaml', buffer: text });
    await page.getByTestId('scan-review').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
    // All files refused while a review is open: the review goes, and a later change of answers
    // says nothing of it.
    await page.evaluate(() => {
      const big = new File([new Uint8Array(17 * 1024 * 1024)], 'huge.yaml');
      const input = document.querySelector('#cs-api-document');
      const dt = new DataTransfer();
      dt.items.add(big);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByTestId('scan-problem').waitFor();
    assert.equal(await page.getByTestId('scan-review').count(), 0);
    await page.getByLabel('Order book snapshot (required)').selectOption('partial');
    assert.equal(await page.getByTestId('scan-accepted').count(), 0, 'no note of a review that was not open');
    // A file without a name is still read.
    await page.locator('#cs-api-document').setInputFiles({ name: '', mimeType: 'text/yaml', buffer: text });
    await page.getByTestId('scan-review').waitFor();
    // A search nothing can match says so at once, and a quote cannot reverse the notice.
    const edit = page.getByRole('button', { name: 'Edit case' });
    if (await edit.isVisible()) await edit.click();
    await page.getByLabel('Start from an exchange CCXT knows').fill('\u202e🚀');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Latin letters and digits' });
    await notice.waitFor();
    assert.ok(!(await notice.textContent()).includes('\u202e'));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
