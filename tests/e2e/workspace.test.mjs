// The workspace: nothing typed is lost across reloads, cases travel by link and file, unreadable
// or unavailable storage is handled in the open, and the proposal prints.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_URL, cli, cspViolations, launch, money, shareLink, watchedPage } from './browser.mjs';

const CLI = process.env.CONNECTOR_SCOPE_BIN;
const CASES = process.env.CASES_DIR || 'tests/cases';
const ARTIFACTS = process.env.E2E_ARTIFACTS || 'tests/e2e/artifacts';
const KEY = 'connector-scope/workspace';

// Autosave waits 400 ms after the last change; a reload before the page has finished loading
// would abort its requests (the favicon, the wasm), so wait for both.
const settle = async (page) => {
  await page.waitForTimeout(700);
  await page.waitForLoadState('networkidle');
};

describe('workspace', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('what is typed is back after a reload, even a value that breaks a rule', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Exchange', { exact: true }).fill('Kestrel Reloaded');
    await page.getByLabel('Order book channel (required)').selectOption('partial');
    await page.getByRole('tab', { name: 'Estimate' }).click();
    await page.getByLabel('Availability (hours a week)').fill('300');
    await settle(page);
    await page.reload();
    await page.getByRole('tablist').waitFor();
    assert.equal(await page.getByLabel('Exchange', { exact: true }).inputValue(), 'Kestrel Reloaded');
    assert.equal(await page.getByLabel('Order book channel (required)').inputValue(), 'partial');
    await page.getByRole('tab', { name: 'Estimate' }).click();
    assert.equal(await page.getByLabel('Availability (hours a week)').inputValue(), '300');
    assert.match(await page.locator('#cs-estimate-availability_hours_per_week-error').textContent(), /between 1 and 80/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a share link opens the same case, with the same figures, in a fresh browser', async () => {
    const first = await watchedPage(browser);
    await first.page.goto(APP_URL);
    await first.page.getByLabel('Load').selectOption('Young perpetual DEX');
    const score = await first.page.getByTestId('score').textContent();
    await first.page.getByRole('tab', { name: 'Estimate' }).click();
    const cost = await first.page.locator('[data-testid=cost] td').allTextContents();
    await first.page.getByRole('tab', { name: 'Cases' }).click();
    const link = await shareLink(first.page);
    assert.match(link, /#connector-scope-case=[A-Za-z0-9_-]+$/);
    await first.context.close();

    const { context, page, problems } = await watchedPage(browser);
    await page.goto(link);
    await page.getByTestId('notice').waitFor();
    assert.match(await page.getByTestId('notice').textContent(), /Opened the shared case "Wavelet Perps" as a new case/);
    assert.equal(await page.getByTestId('score').textContent(), score);
    await page.getByRole('tab', { name: 'Estimate' }).click();
    assert.deepEqual(await page.locator('[data-testid=cost] td').allTextContents(), cost);
    assert.ok(!page.url().includes('connector-scope-case'), 'the link data leaves the address once read');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link pasted into the open page opens its case; the link says when it holds the last valid version', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Young perpetual DEX');
    await page.getByRole('tab', { name: 'Cases' }).click();
    const link = await shareLink(page);
    assert.equal(await page.getByTestId('share-link-note').count(), 0);
    // A field with a problem: the link keeps the last valid version, and says so.
    await page.getByLabel('Launched').fill('2018-13');
    await page.getByTestId('share-link-note').waitFor();
    await page.getByLabel('Launched').fill('2018-03');
    // Pasted into this page's address: no reload, yet the case opens (it once did nothing until
    // the next reload).
    const before = await page.locator('.card').count();
    await page.evaluate((hash) => { window.location.hash = hash; }, new URL(link).hash);
    await page.getByText(/Opened the shared case "Wavelet Perps" as a new case/).waitFor();
    assert.equal(await page.locator('.card').count(), before + 1);
    assert.ok(!page.url().includes('connector-scope-case'), 'the link data leaves the address once read');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('damaged, oversized and foreign links say so and change nothing', async () => {
    const { context, page, problems } = await watchedPage(browser);
    for (const [fragment, message] of [
      ['#connector-scope-case=AAAA', /damaged/],
      [`#connector-scope-case=${'A'.repeat(40000)}`, /too long/],
    ]) {
      await page.goto('about:blank');
      await page.goto(APP_URL + fragment);
      await page.getByTestId('notice').waitFor();
      assert.match(await page.getByTestId('notice').textContent(), message);
      assert.match(await page.getByTestId('notice').textContent(), /Nothing was changed/);
      await page.getByRole('tab', { name: 'Cases' }).click();
      assert.equal(await page.locator('.card').count(), 1);
    }
    await page.goto('about:blank');
    await page.goto(APP_URL + '#section-2');
    await page.getByRole('tablist').waitFor();
    assert.equal(await page.getByTestId('notice').count(), 0, "a host page's own anchor is left alone");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('import a case file and a CSV of candidates; errors name line and column', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.locator('#cs-import').setInputFiles(join(CASES, 'mature-spot-cex.json'));
    await page.getByTestId('notice').waitFor();
    assert.match(await page.getByTestId('notice').textContent(), /Imported 1 case from mature-spot-cex.json/);
    assert.equal(await page.locator('.card').count(), 2);
    assert.equal(await page.getByLabel('Exchange', { exact: true }).inputValue(), 'Kestrel Exchange');

    const csv = 'name,seniority,experience,references,track_record,availability,cost,speed,interest\n' +
      '"Okafor, Ngozi",9,6,5,95,30,70,30,5\nLin Wei,2,1,3,70,40,45,60,4\n';
    await page.locator('#cs-import').setInputFiles({ name: 'shortlist.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText("Imported 2 candidates from shortlist.csv, in place of the case's 4 candidates.").waitFor();
    await page.getByRole('tab', { name: 'Candidates' }).click();
    assert.deepEqual(await page.locator('.ranking .candidate .name').allTextContents(), ['Okafor, Ngozi', 'Lin Wei']);

    await page.getByRole('tab', { name: 'Cases' }).click();
    const bad = 'name,seniority,experience,references,track_record,availability,cost,speed,interest\nAda,1,2,3,4,five,6,7,8\n';
    await page.locator('#cs-import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByText(/bad.csv: line 2, column 6: "five" is not a number/).waitFor();
    await page.locator('#cs-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "exchange": ') });
    await page.getByText(/broken.json: not valid JSON/).waitFor();
    assert.equal(await page.locator('.card').count(), 2, 'nothing changed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('export then import gives the same case', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Modification of KuCoin');
    await page.getByRole('tab', { name: 'Cases' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this case (JSON)' }).click()]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    const original = JSON.parse(readFileSync(join(CASES, 'modification-kucoin.json'), 'utf8'));
    // Same figures from the command line for the exported file and the original.
    const fig = (file) => JSON.parse(execFileSync(CLI, ['estimate', file], { encoding: 'utf8' })).cost;
    assert.deepEqual(fig(path), fig(join(CASES, 'modification-kucoin.json')));
    assert.equal(exported.exchange.name, original.exchange.name);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('delete with undo, duplicate, and the board columns', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Cases' }).click();
    // The example has scoping in progress: requested. Its card shows the CLI's P80 cost.
    const est = cli('estimate', 'mature-spot-cex.json');
    const card = page.locator('.card[data-case="Kestrel Exchange"]');
    assert.equal(await card.locator('xpath=ancestor::section[@data-column]').getAttribute('data-column'), 'requested');
    assert.equal(await card.getByTestId('card-cost').textContent(), `USD ${money(est.cost.p80)}`);
    await page.getByRole('button', { name: 'Duplicate Kestrel Exchange' }).click();
    assert.equal(await page.locator('.card').count(), 3);
    await page.getByRole('button', { name: 'Delete Kestrel Exchange (copy)' }).click();
    assert.equal(await page.locator('.card').count(), 2);
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.locator('.card').count(), 3);
    // Start development: the case moves to in progress.
    await page.getByRole('button', { name: 'Open', exact: true }).first().click();
    await page.getByRole('tab', { name: 'Process' }).click();
    await page.getByLabel('Status of Foundation assigns maintainer').selectOption('in_progress');
    await page.getByRole('tab', { name: 'Cases' }).click();
    assert.equal(await page.locator('section[data-column=in_progress] .card').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('unreadable saved data is kept aside, the user is told, and can download it', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    await settle(page);
    await page.evaluate((key) => localStorage.setItem(key, '{"version": 1, "cases": [{"id": 1, "case": {"broken": tru'), KEY);
    await page.reload();
    await page.getByTestId('recovered').waitFor();
    assert.match(await page.getByTestId('recovered').textContent(), /could not be read/);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('connector-scope/recovered-')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, ['{"version": 1, "cases": [{"id": 1, "case": {"broken": tru']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the unreadable data' }).click()]);
    const path = join(ARTIFACTS, 'recovered.json');
    await download.saveAs(path);
    assert.equal(readFileSync(path, 'utf8'), kept[0]);
    // A future version is refused the same way, not overwritten.
    await settle(page);
    await page.evaluate((key) => localStorage.setItem(key, '{"version": 99, "cases": []}'), KEY);
    await page.reload();
    assert.match(await page.getByTestId('recovered').textContent(), /version 99/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with storage blocked the app works and says nothing is saved; a full storage is reported', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await page.goto(APP_URL);
    await page.getByTestId('no-storage').waitFor();
    await page.getByLabel('Order book channel (required)').selectOption('documented_with_examples');
    assert.ok(Number(await page.getByTestId('score').textContent()) > 0);
    await context.close();

    const full = await watchedPage(browser);
    await full.page.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await full.page.goto(APP_URL);
    await full.page.getByLabel('Exchange', { exact: true }).fill('Too big');
    await full.page.getByTestId('save-error').waitFor();
    assert.match(await full.page.getByTestId('save-error').textContent(), /storage for this page is full/);
    assert.deepEqual([...problems, ...full.problems], []);
    await full.context.close();
  });

  test('the proposal prints to a clean PDF with its figures', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Proposal' }).click();
    await page.getByTestId('proposal').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = join(ARTIFACTS, 'proposal.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync(process.env.PDFTOTEXT || 'pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const est = cli('estimate', 'mature-spot-cex.json');
    assert.match(text, /Connector proposal: Kestrel Exchange/);
    assert.ok(text.includes(money(est.cost.p80)), `P80 cost ${money(est.cost.p80)} in the PDF`);
    assert.match(text, /Proposed maintainer: Ana Ribeiro/);
    assert.doesNotMatch(text, /Maturity\s+Estimate\s+Candidates/, 'no navigation in print');
    assert.doesNotMatch(text, /Runs entirely in your browser/, 'no footer in print');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
