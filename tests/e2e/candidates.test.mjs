// The candidates and agreement tools, walked as a PM would, against the command line's figures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, cli, cspViolations, launch, money, screenshot, watchedPage } from './browser.mjs';


describe('candidates and agreement', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the ranking equals the command line and moves with the weights', async () => {
    const expected = cli('evaluate', 'mature-spot-cex.json');
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Candidates' }).click();
    const names = await page.locator('.ranking .candidate .name').allTextContents();
    assert.deepEqual(names, expected.ranking.map((r) => r.name));
    const scores = await page.getByTestId('candidate-score').allTextContents();
    assert.deepEqual(scores, expected.ranking.map((r) => r.score.toFixed(3)));

    // Put all the weight on cost: the cheapest candidate wins.
    for (const c of expected.criteria) {
      await page.getByLabel(`Weight of ${c.label}`, { exact: true }).fill(c.id === 'cost' ? '1' : '0');
    }
    assert.equal(await page.locator('.ranking .candidate .name').first().textContent(), 'Tomasz Nowak');

    // A new candidate counts once every value is typed.
    await page.getByRole('button', { name: 'Add candidate' }).click();
    assert.match(await page.locator('tr[data-row="4"]').textContent(), /missing for "Candidate 5"/);
    assert.match(await page.locator('.stale').textContent(), /last valid case/);
    const values = { 'Seniority': 4, 'Past experience': 2, 'Resume and references': 3, 'Track record': 70,
      'Availability': 40, 'Cost': 25, 'Speed to deliver': 30, 'Interest': 5 };
    for (const [label, v] of Object.entries(values)) {
      await page.getByLabel(`${label} of Candidate 5`, { exact: true }).fill(String(v));
    }
    assert.equal(await page.locator('.stale').count(), 0);
    assert.equal(await page.locator('.ranking .candidate .name').first().textContent(), 'Candidate 5');
    assert.ok(await page.locator('svg.interval').count() >= 8, 'the sensitivity intervals are drawn');
    await screenshot(page, 'candidates-desktop');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a name carrying markup is shown as text and runs nothing', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Candidates' }).click();
    const payload = '<img src=x onerror="window.__pwned=1">Ana';
    await page.getByLabel('Name of candidate 1').fill(payload);
    await page.locator(`.ranking .candidate .name`, { hasText: 'onerror' }).waitFor();
    assert.ok((await page.locator('.ranking .candidate .name').allTextContents()).includes(payload));
    assert.equal(await page.locator('.ranking img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.getByRole('tab', { name: 'Proposal' }).click();
    assert.equal(await page.locator('[data-testid=proposal] img').count(), 0);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the agreement projection equals the command line', async () => {
    const expected = cli('agreement', 'mature-spot-cex.json');
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(APP_URL);
    await page.getByRole('button', { name: 'Edit case' }).click();
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const t = expected.totals;
    assert.equal(await page.locator('[data-testid=agreement-total] td').textContent(), `USD ${money(t.total)}`);
    assert.equal(await page.locator('[data-testid=agreement-developer] td').textContent(), `USD ${money(t.developer)}`);
    assert.equal(await page.locator('[data-testid=agreement-foundation] td').textContent(), `USD ${money(t.foundation)}`);
    const rows = await page.locator('.projection tbody tr').count();
    assert.equal(rows, expected.months.length);

    await page.getByText('Fixed monthly amount').click();
    await page.getByLabel('Amount per month').fill('750');
    assert.equal(await page.locator('[data-testid=agreement-developer] td').textContent(), 'USD 4,500.00');
    assert.match(await page.getByTestId('placement').textContent(), /750 USD\/month/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    await screenshot(page, 'agreement-phone');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
