// Nothing the user did is lost, under real use: two tabs, a reload just after typing, the
// workspace's limit, an empty CSV, exponents typed key by key, several files at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, launch, watchedPage } from './browser.mjs';

const KEY = 'connector-scope/workspace';
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
const names = (w) => w.cases.map((c) => c.case.exchange.name);

/** A stored workspace of `n` cases named C1..Cn. */
function workspaceOf(n) {
  const cases = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    case: { version: 1, as_of: '2026-11-25', exchange: { name: `C${i + 1}` }, estimate: { hourly_rate: '75' } },
  }));
  return { version: 1, cases, current: 1, next_id: n + 1 };
}

describe('nothing lost', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('two tabs: what one saves appears in the other; changes to one case in both are combined, or both kept', async () => {
    const { context, page: a, problems } = await watchedPage(browser);
    await a.goto(APP_URL);
    await a.getByRole('tablist').waitFor();
    const b = await context.newPage();
    await b.goto(APP_URL);
    await b.getByRole('tablist').waitFor();

    // One after the other: tab B shows tab A's rename without a reload.
    await a.getByLabel('Exchange', { exact: true }).fill('Renamed in A');
    await b.waitForFunction(() => document.querySelector('#cs-exchange-name')?.value === 'Renamed in A');
    await b.getByRole('tab', { name: 'Estimate' }).click();
    await b.getByLabel('Hourly rate').fill('120');
    await a.getByRole('tab', { name: 'Estimate' }).click();
    await a.waitForFunction(() => document.querySelector('#cs-estimate-hourly_rate')?.value === '120');

    // At the same time, on the same case, in different fields: one case with both changes.
    await a.getByLabel('Exchange', { exact: true }).fill('Alpha');
    await b.getByLabel('Hourly rate').fill('150');
    await a.waitForTimeout(1500);
    let w = await stored(a);
    assert.deepEqual(w.cases.map((c) => [c.case.exchange.name, c.case.estimate.hourly_rate]), [['Alpha', '150']]);
    await b.waitForFunction(() => document.querySelector('#cs-exchange-name')?.value === 'Alpha');

    // In the same field: both versions kept, and both tabs say so.
    await a.getByLabel('Exchange', { exact: true }).fill('From A');
    await b.getByLabel('Exchange', { exact: true }).fill('From B');
    await a.waitForTimeout(1500);
    w = await stored(a);
    assert.equal(w.cases.length, 2, JSON.stringify(names(w)));
    assert.ok(names(w).some((n) => / \(conflicted copy\)$/.test(n)), JSON.stringify(names(w)));
    const notice = async (p) => ((await p.getByTestId('notice').count()) ? p.getByTestId('notice').textContent() : '');
    const said = [await notice(a), await notice(b)];
    assert.ok(said.every((t) => /another tab at the same time/.test(t)), JSON.stringify(said));
    // And both tabs end with the same cases.
    await a.getByRole('tab', { name: 'Cases' }).click();
    await b.getByRole('tab', { name: 'Cases' }).click();
    const cards = (p) => p.locator('.card').evaluateAll((els) => els.map((e) => e.dataset.case).sort());
    assert.deepEqual(await cards(a), await cards(b));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs adding a case at the same moment keep both (the later save once wrote over the other)', async () => {
    const { context, page: a, problems } = await watchedPage(browser);
    const b = await context.newPage();
    for (let round = 0; round < 3; round++) {
      // Each page loaded in full before the next navigation (a reload aborts what is loading).
      await a.goto(APP_URL);
      await a.waitForLoadState('networkidle');
      await a.evaluate(([key, w]) => localStorage.setItem(key, JSON.stringify(w)), [KEY, workspaceOf(3)]);
      await a.reload();
      await b.goto(APP_URL);
      for (const p of [a, b]) {
        await p.getByRole('tablist').waitFor();
        await p.waitForLoadState('networkidle');
      }
      await Promise.all([
        a.getByLabel('Load', { exact: true }).selectOption('Mature spot CEX'),
        b.getByLabel('Load', { exact: true }).selectOption('Young perpetual DEX'),
      ]);
      await a.waitForTimeout(1500);
      const w = await stored(a);
      assert.deepEqual(names(w).slice(3).sort(), ['Kestrel Exchange', 'Wavelet Perps'], `round ${round}: ${JSON.stringify(names(w))}`);
      for (const p of [a, b]) {
        await p.getByRole('tab', { name: 'Cases' }).click();
        assert.equal(await p.locator('.card').count(), 5, `round ${round}`);
      }
      await a.waitForTimeout(600);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a reload 30 ms after typing keeps what was typed', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    await page.waitForLoadState('networkidle');
    const field = page.getByLabel('Exchange', { exact: true });
    await field.fill('');
    await field.pressSequentially('Typed then reloaded', { delay: 10 });
    await page.waitForTimeout(30);
    await page.reload();
    await page.getByRole('tablist').waitFor();
    assert.equal(await page.getByLabel('Exchange', { exact: true }).inputValue(), 'Typed then reloaded');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at 500 cases: delete, add, undo, reload: nothing refused, nothing lost', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tab', { name: 'Cases' }).click();
    const file = { name: 'five-hundred.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspaceOf(500))) };
    await page.locator('#cs-import').setInputFiles(file);
    // One blank case was there: 499 of the 500 fit, and the notice says so.
    await page.getByTestId('notice').getByText(/^Only 499 of the 500 cases were added\. A workspace holds at most 500 cases\.$/).waitFor();
    assert.equal(await page.locator('.card').count(), 500);
    await page.getByRole('button', { name: 'Delete C3', exact: true }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByTestId('notice').getByText(/C3, deleted, keeps its place/).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('notice').getByText('Restored C3.').waitFor();
    assert.equal(await page.locator('.card').count(), 500);
    await page.waitForTimeout(800);
    assert.equal((await stored(page)).cases.length, 500);
    await page.reload();
    await page.getByRole('tab', { name: 'Cases' }).click();
    assert.equal(await page.locator('.card').count(), 500);
    assert.equal(await page.getByText(/could not be read/).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a deletion survives a reload with its Undo; an unrelated notice has none', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByRole('button', { name: 'Delete Kestrel Exchange' }).click();
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByTestId('notice').getByText('Kestrel Exchange was deleted before the page was reloaded.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('tab', { name: 'Cases' }).click();
    assert.equal(await page.locator('.card[data-case="Kestrel Exchange"]').count(), 1);
    // A notice about something else offers no Undo of an older deletion.
    await page.getByRole('button', { name: 'Delete Kestrel Exchange' }).click();
    await page.locator('#cs-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    await page.getByText(/broken.json: not valid JSON/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a CSV with only its header changes nothing; three files at once are all reported', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Candidates' }).click();
    const before = await page.locator('.ranking .candidate .name').allTextContents();
    assert.ok(before.length > 1);
    await page.getByRole('tab', { name: 'Cases' }).click();
    const header = 'name,seniority,experience,references,track_record,availability,cost,speed,interest\n';
    await page.locator('#cs-import').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from(header) });
    await page.getByText(/empty.csv: line 1, column 1: no candidates: the file has its header line only\. Nothing was changed\./).waitFor();
    await page.getByRole('tab', { name: 'Candidates' }).click();
    assert.deepEqual(await page.locator('.ranking .candidate .name').allTextContents(), before);

    await page.getByRole('tab', { name: 'Cases' }).click();
    const one = JSON.stringify({ version: 1, exchange: { name: 'One' } });
    await page.locator('#cs-import').setInputFiles([
      { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(one) },
      { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from('{') },
      { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(header) },
    ]);
    const notice = page.getByTestId('notice');
    await notice.getByText(/Imported 1 case from a\.json\./).waitFor();
    assert.match(await notice.textContent(), /^Imported 1 case from a\.json\.\nb\.json: not valid JSON[^\n]*\nc\.csv: line 1, column 1: no candidates/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typing an exponent key by key: the field shows each key, the cost waits for a real amount', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tab', { name: 'Estimate' }).click();
    const rate = page.getByLabel('Hourly rate');
    await rate.fill('1');
    const cost = await page.locator('[data-testid=cost] td').allTextContents();
    let typed = '1';
    for (const key of 'e30') {
      await rate.press(key);
      typed += key;
      assert.equal(await rate.inputValue(), typed);
    }
    assert.match(await page.locator('#cs-estimate-hourly_rate-error').textContent(), /"1e30" is not an amount/);
    assert.deepEqual(await page.locator('[data-testid=cost] td').allTextContents(), cost);
    // A caret in the middle: 1000 with "e1" typed after the first digit stays as typed.
    await rate.fill('1000');
    await rate.press('Home');
    await rate.press('ArrowRight');
    await rate.press('e');
    await rate.press('1');
    assert.equal(await rate.inputValue(), '1e1000');
    await rate.fill('7_5');
    assert.equal(await rate.inputValue(), '7_5');
    assert.match(await page.locator('#cs-estimate-hourly_rate-error').textContent(), /not an amount/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the Cases tool lists every problem of the case at once, and what each tool still needs', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tab', { name: 'Cases' }).click();
    const checks = page.getByTestId('checks');
    assert.match(await checks.textContent(), /candidates: add at least one candidate to evaluate \(needed by the ranking of candidates, the announcement\)/);
    await page.getByLabel('Exchange', { exact: true }).fill('');
    await page.getByRole('tab', { name: 'Estimate' }).click();
    await page.getByLabel('Hourly rate').fill('');
    await page.getByLabel('Availability (hours a week)').fill('500');
    await page.getByRole('tab', { name: 'Cases' }).click();
    const text = await checks.textContent();
    for (const line of [/exchange\.name: must not be empty/, /estimate\.availability_hours_per_week: /, /estimate\.hourly_rate: required for the cost estimate .*\(needed by the estimate/]) {
      assert.match(text, line);
    }
    await page.getByLabel('Load', { exact: true }).selectOption('Mature spot CEX');
    assert.match(await checks.textContent(), /This case is complete/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('unreadable saved data that does not fit a second time is not written over until it is downloaded or dismissed', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByRole('tablist').waitFor();
    // Too large to be copied aside next to itself in the browser's storage.
    const big = await page.evaluate((key) => {
      const text = '{"version": 1, "cases": [' + 'x'.repeat(3_000_000);
      localStorage.clear();
      localStorage.setItem(key, text);
      return text.length;
    }, KEY);
    await page.reload();
    const banner = page.getByTestId('recovered');
    await banner.waitFor();
    assert.match(await banner.textContent(), /no room to keep them aside, nothing is saved over them/);
    await page.getByLabel('Exchange', { exact: true }).fill('Typed after');
    await page.waitForTimeout(1200);
    const held = await page.evaluate((key) => localStorage.getItem(key).length, KEY);
    assert.equal(held, big, 'the only copy stays until the user lets it go');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForTimeout(1200);
    assert.deepEqual(names(await stored(page)), ['Typed after']);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
