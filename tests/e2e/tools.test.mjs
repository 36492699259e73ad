// Each tool walked as a new user would: type, switch, see the figures change; and the figures
// equal the command line's for the same case file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { APP_URL, cli, cspViolations, launch, money, screenshot, watchedPage } from './browser.mjs';

const CLI = process.env.CONNECTOR_SCOPE_BIN;

async function cells(page, testid) {
  return page.locator(`[data-testid=${testid}] td`).allTextContents();
}

describe('tools', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('maturity: answering the questionnaire moves the score, a missing required item blocks', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    const score = async () => Number(await page.getByTestId('score').textContent());
    const start = await score();
    await page.getByLabel('Order book channel (required)').selectOption('documented_with_examples');
    const better = await score();
    assert.ok(better > start, `${start} -> ${better}`);
    await page.getByLabel('Cancel order (required)').selectOption('not_available');
    assert.equal(await page.getByTestId('rank').textContent(), 'Blocked');
    assert.match(await page.locator('.blockers').textContent(), /Cancel order/);

    await page.getByText('Perpetual', { exact: true }).click();
    await page.getByLabel('Positions (required)').waitFor();
    await screenshot(page, 'maturity-desktop');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const file of ['mature-spot-cex.json', 'young-perp-dex.json', 'modification-kucoin.json', 'blocked.json']) {
    test(`the browser shows the command line's figures for ${file}`, async () => {
      const maturity = cli('maturity', file);
      const estimate = cli('estimate', file);
      const label = {
        'mature-spot-cex.json': 'Mature spot CEX',
        'young-perp-dex.json': 'Young perpetual DEX',
        'modification-kucoin.json': 'Modification of KuCoin',
        'blocked.json': 'Blocked exchange',
      }[file];
      const { context, page, problems } = await watchedPage(browser);
      await page.goto(APP_URL);
      await page.getByLabel('Load').selectOption(label);
      assert.equal(await page.getByTestId('score').textContent(), maturity.score.toFixed(1));

      await page.getByRole('tab', { name: 'Estimate' }).click();
      const c = estimate.cost;
      assert.deepEqual(await cells(page, 'cost'), [money(c.p50), money(c.p80), money(c.p90)]);
      const e = estimate.effort_hours.monte_carlo;
      assert.deepEqual(await cells(page, 'effort'), [e.p50, e.p80, e.p90].map((h) => `${Math.round(h)} h`));
      const d = estimate.calendar_days;
      assert.deepEqual(await cells(page, 'delivery'), [d.p50, d.p80, d.p90].map((x) => `${Math.round(x)} days`));
      assert.equal(
        await page.getByTestId('risk').textContent(),
        `${Math.round(estimate.p_over_90_days * 100)}% risk of delivering after 90 days`,
      );
      const b = d.build;
      assert.deepEqual(await cells(page, 'build'), [b.p50, b.p80, b.p90].map((x) => `${Math.round(x)} days`));
      // The outside view: the class's past connectors by name, and the backtest's line.
      const rc = estimate.reference_class;
      assert.equal(await page.getByTestId('outside-view-sentence').textContent(), rc.sentence);
      assert.deepEqual(
        await page.locator('[data-testid=outside-view] li.past-build').evaluateAll((els) => els.map((e) => e.dataset.connector)),
        rc.connectors.map((c) => c.name),
      );
      assert.equal(await page.locator('[data-testid=outside-view] svg circle.past').count(), rc.connectors.length);
      assert.equal(await page.getByTestId('calibration').textContent(), estimate.calibration);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('estimate: the outside view follows the market and the precedent', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    // The Load select opens the example and returns to its prompt (it once kept the example's name).
    await page.waitForFunction(() => document.querySelector('#cs-start').selectedOptions[0].text === 'Start from...');
    await page.getByRole('tab', { name: 'Estimate' }).click();
    const sentence = () => page.getByTestId('outside-view-sentence').textContent();
    const names = () =>
      page.locator('[data-testid=outside-view] li.past-build').evaluateAll((els) => els.map((e) => e.dataset.connector));
    assert.match(await sentence(), /of the 12 past spot CEX connectors built without a precedent/);
    assert.ok((await names()).includes('bitstamp'));
    assert.match(await page.getByTestId('calibration').textContent(), /^Calendar ranges calibrated on 25 connector builds, 2020-2024: \d+ of 25 fell within P10-P90 when re-estimated \(from the start of development to the merge\)\.$/);

    await page.getByText('Perpetual', { exact: true }).click();
    await page.waitForFunction(() => {
      const host = document.querySelector('[data-testid=outside-view-sentence]');
      return host && /perpetual CEX connectors/.test(host.textContent);
    });
    const perpetual = await names();
    assert.ok(perpetual.includes('bybit_perpetual') && !perpetual.includes('bitstamp'), String(perpetual));
    const buildBefore = await cells(page, 'build');

    await page.getByLabel('Precedent: a connector of a similar API').selectOption('okx');
    await page.waitForFunction(() => /reusing a spot connector/.test(document.querySelector('[data-testid=outside-view-sentence]')?.textContent ?? ''));
    assert.deepEqual(await names(), ['kucoin_perpetual', 'gate_io_perpetual', 'injective_v2_perpetual', 'binance_perpetual', 'okx_perpetual']);
    const buildAfter = await cells(page, 'build');
    assert.ok(parseInt(buildAfter[0], 10) < parseInt(buildBefore[0], 10), `a spot precedent speeds the build: ${buildBefore} -> ${buildAfter}`);
    assert.ok(await page.getByTestId('calibration').isVisible());
    // The summary's figures fit their card at a desktop width (P90 was clipped at 1280 px).
    await page.setViewportSize({ width: 1280, height: 800 });
    const overflow = await page
      .getByTestId('effort')
      .evaluate((row) => {
        const region = row.closest('.table-scroll');
        return region.scrollWidth - region.clientWidth;
      });
    assert.ok(overflow <= 0, `the figures overflow their card by ${overflow} px`);
    await screenshot(page, 'estimate-outside-view');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('estimate: a bad rate names the field and keeps the last figures; a good one moves them', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(APP_URL);
    await page.getByLabel('Load').selectOption('Mature spot CEX');
    await page.getByRole('tab', { name: 'Estimate' }).click();
    const before = await cells(page, 'cost');
    const rate = page.getByLabel('Hourly rate');
    await rate.fill('seventy');
    assert.match(await page.locator('#cs-estimate-hourly_rate-error').textContent(), /"seventy" is not an amount/);
    assert.deepEqual(await cells(page, 'cost'), before, 'the last valid figures stay on screen');
    await rate.fill('90');
    const after = await cells(page, 'cost');
    assert.notDeepEqual(after, before);
    assert.equal(await page.locator('#cs-estimate-hourly_rate-error').count(), 0);

    // Lower availability stretches the calendar.
    const delivery = await cells(page, 'delivery');
    await page.getByLabel('Availability (hours a week)').fill('10');
    const slower = await cells(page, 'delivery');
    assert.ok(parseInt(slower[0], 10) > parseInt(delivery[0], 10), `${delivery} -> ${slower}`);
    assert.match(await page.locator('.constraints').textContent(), /Low availability/);

    // A modification: choose the base and the parts; the estimate shrinks.
    const effort = await cells(page, 'effort');
    await page.getByText('Modification', { exact: true }).click();
    assert.match(await page.locator('.stale').textContent(), /last valid case/);
    await page.getByLabel('Connector being modified').selectOption('kraken');
    await page.getByLabel('Authentication').check();
    const smaller = await cells(page, 'effort');
    assert.ok(parseInt(smaller[0], 10) < parseInt(effort[0], 10), `${effort} -> ${smaller}`);

    assert.ok(await page.locator('.chart svg rect.bar').count() > 10, 'the histogram is drawn');
    await screenshot(page, 'estimate-desktop');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('process: the path decides the stages; statuses move the next action', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(APP_URL);
    await page.getByRole('tab', { name: 'Process' }).click();
    const row = page.locator('tr[data-stage=improvement_proposal] .badge');
    assert.equal(await row.textContent(), 'skipped');
    await page.getByText('The Foundation funds it (grant)').click();
    assert.equal(await row.textContent(), 'required');
    assert.equal(await page.getByTestId('next-stage').textContent(), 'Initial call');
    await page.getByLabel('Status of Initial call').selectOption('done');
    assert.equal(await page.getByTestId('next-stage').textContent(), 'Scoping');
    const cliPlan = JSON.parse(
      execFileSync(CLI, ['plan', '-'], {
        encoding: 'utf8',
        input: JSON.stringify({ version: 1, exchange: { name: 'X' }, path: 'foundation_grant' }),
      }),
    );
    const days = cliPlan.stages.find((s) => s.id === 'improvement_proposal').days;
    assert.equal(
      await page.locator('tr[data-stage=improvement_proposal] td').nth(2).textContent(),
      `${Math.round(days.optimistic)}-${Math.round(days.pessimistic)}`,
    );
    await screenshot(page, 'process-phone');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
