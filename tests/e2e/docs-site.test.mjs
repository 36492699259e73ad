// The docs-site example: a real MkDocs Material site embedding each tool, served under a strict
// CSP (the app's, plus the hashes of Material's own inline scripts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cspViolations, launch, money, screenshot, watchedPage } from './browser.mjs';

const DOCS = process.env.DOCS_URL;
const page_ = (name) => new URL(name, DOCS).href;
const origin = new URL(DOCS).origin;

/** Computed styles of Material's own elements. */
async function hostStyles(page) {
  return page.evaluate(() =>
    ['.md-header', '.md-typeset h1', '.md-typeset p', '.md-nav__link', 'body'].map((sel) => {
      const el = document.querySelector(sel);
      const cs = getComputedStyle(el);
      return [sel, cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.lineHeight, cs.margin];
    }),
  );
}

describe('docs site', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the site hosts the dist folder as it is: its README for hosts, no ignore file', async () => {
    const readme = await fetch(page_('connector-scope/README.txt'));
    assert.equal(readme.status, 200);
    assert.match(await readme.text(), /'wasm-unsafe-eval'/);
    const wasm = (await (await fetch(page_('connector-scope/index.html'))).text()).match(/pkg\/scope_web_bg\.[0-9a-f]{16}\.wasm/)?.[0];
    assert.ok(wasm, 'the page names the wasm by its hash');
    for (const file of ['embed.js', 'index.html', 'pkg/scope_web.js', wasm, `${wasm}.br`, `${wasm}.gz`, 'cases/mature-spot-cex.json']) {
      assert.equal((await fetch(page_(`connector-scope/${file}`))).status, 200, file);
    }
    assert.equal((await fetch(page_('connector-scope/pkg/.gitignore'))).status, 404);
  });

  const tools = [
    ['maturity.html', 'maturity', '[data-testid=score]'],
    ['estimate.html', 'estimate', '[data-testid=cost]'],
    ['candidates.html', 'candidates', '.ranking .candidate'],
    ['agreement.html', 'agreement', '[data-testid=agreement-total]'],
    ['process.html', 'process', '[data-testid=next-stage]'],
  ];
  for (const [file, tool, figure] of tools) {
    test(`${file}: the embedded ${tool} tool renders and computes under the CSP`, async () => {
      const { context, page, problems } = await watchedPage(browser, { origin });
      const response = await page.goto(page_(file));
      assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      const widget = page.locator(`[data-connector-scope=${tool}]`);
      await widget.locator(figure).first().waitFor();
      if (tool === 'candidates') {
        const expected = cli('evaluate', 'mature-spot-cex.json');
        assert.deepEqual(await widget.locator('.ranking .candidate .name').allTextContents(), expected.ranking.map((r) => r.name));
      }
      if (tool === 'agreement') {
        const expected = cli('agreement', 'mature-spot-cex.json');
        assert.equal(await widget.getByTestId('agreement-total').locator('td').textContent(), `USD ${money(expected.totals.total)}`);
      }
      if (tool === 'estimate') {
        const before = await widget.locator('[data-testid=cost] td').allTextContents();
        await widget.getByLabel('Hourly rate').fill('120');
        assert.notDeepEqual(await widget.locator('[data-testid=cost] td').allTextContents(), before);
        await screenshot(page, 'docs-estimate');
      }
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('two widgets on one page keep separate state', async () => {
    const { context, page, problems } = await watchedPage(browser, { origin });
    await page.goto(page_('two-estimates.html'));
    const young = page.locator('#young');
    const mature = page.locator('#mature');
    await young.getByTestId('cost').waitFor();
    await mature.getByTestId('cost').waitFor();
    const expected = cli('estimate', 'mature-spot-cex.json');
    const matureCost = await mature.locator('[data-testid=cost] td').allTextContents();
    assert.deepEqual(matureCost, [expected.cost.p50, expected.cost.p80, expected.cost.p90].map(money));
    await young.getByLabel('Availability (hours a week)').fill('10');
    await young.getByText(/Low availability/).waitFor();
    assert.deepEqual(await mature.locator('[data-testid=cost] td').allTextContents(), matureCost);
    assert.equal(await mature.getByText(/Low availability/).count(), 0);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Material's styles are the same with and without the tools mounted", async () => {
    const { context, page, problems } = await watchedPage(browser, { origin });
    await page.route('**/connector-scope/embed.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(page_('estimate.html'));
    await page.waitForLoadState('networkidle');
    const alone = await hostStyles(page);
    await page.unroute('**/connector-scope/embed.js');
    await page.reload();
    await page.locator('[data-connector-scope=estimate]').getByTestId('cost').waitFor();
    assert.deepEqual(await hostStyles(page), alone);
    // Material's typography does not reach inside the tool.
    const font = await page.locator('[data-connector-scope=estimate]').evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.cs-root h1')).fontSize);
    assert.notEqual(font, alone[1][4]);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
