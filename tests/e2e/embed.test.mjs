// Embedding: tools in a host page with hostile styles, each independent, neither side's styles
// touching the other, under the strict CSP, with no request leaving the origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, cli, cspViolations, launch, money, screenshot, watchedPage } from './browser.mjs';

const PAGE = new URL('embed-example.html', APP_URL).href;

/** Computed styles of the host's own elements. */
async function hostStyles(page) {
  return page.evaluate(() =>
    ['.host-title', '.host-text', '.host-table td', '.host-button', 'body'].map((sel) => {
      const cs = getComputedStyle(document.querySelector(sel));
      return [sel, cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.borderTopWidth, cs.letterSpacing];
    }),
  );
}

describe('embedding', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('every embedded tool renders and computes, each with its own state', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(PAGE);
    const first = page.locator('#first');
    const second = page.locator('#second');
    await first.getByTestId('cost').waitFor();
    await second.getByTestId('cost').waitFor();
    await page.locator('#third').getByTestId('score').waitFor();

    // The second widget loaded the mature spot example by URL: the command line's figures.
    const expected = cli('estimate', 'mature-spot-cex.json');
    assert.deepEqual(await second.locator('[data-testid=cost] td').allTextContents(), [expected.cost.p50, expected.cost.p80, expected.cost.p90].map(money));

    // Typing in the first widget leaves the second alone.
    const before = await second.locator('[data-testid=cost] td').allTextContents();
    const firstBefore = await first.locator('[data-testid=cost] td').allTextContents();
    await first.getByLabel('Hourly rate').fill('200');
    assert.notDeepEqual(await first.locator('[data-testid=cost] td').allTextContents(), firstBefore);
    assert.deepEqual(await second.locator('[data-testid=cost] td').allTextContents(), before);
    // No tool tabs in an embedded tool.
    assert.equal(await first.getByRole('tab').count(), 0);
    await screenshot(page, 'embed-page');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the host's styles and the widgets' do not change each other", async () => {
    const { context, page, problems } = await watchedPage(browser);
    // The host page without the widgets mounted: block the embed script.
    await page.route('**/embed.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(PAGE);
    await page.waitForLoadState('networkidle');
    const alone = await hostStyles(page);
    await page.unroute('**/embed.js');
    await page.reload();
    await page.locator('#first').getByTestId('cost').waitFor();
    assert.deepEqual(await hostStyles(page), alone, 'mounting changed no host style');

    // Inside: the host's `button { background: hotpink !important }` and `td { color: red }` do not apply.
    const inside = await page.locator('#first').evaluate((host) => {
      const root = host.shadowRoot;
      const button = getComputedStyle(root.querySelector('input'));
      const cell = getComputedStyle(root.querySelector('[data-testid=cost] td'));
      const body = getComputedStyle(root.querySelector('.cs-root'));
      return { inputBorder: button.borderTopStyle, cellColor: cell.color, font: body.fontFamily };
    });
    assert.notEqual(inside.inputBorder, 'dotted');
    assert.notEqual(inside.cellColor, 'rgb(255, 0, 0)');
    assert.doesNotMatch(inside.font, /Georgia/);
    // The dark widget follows its theme.
    const dark = await page.locator('#second').evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.cs-root')).backgroundColor);
    assert.equal(dark, 'rgb(15, 21, 20)');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the JS API mounts, updates and destroys a tool', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(PAGE);
    await page.locator('#first').getByTestId('cost').waitFor();
    const result = await page.evaluate(async () => {
      const { mount } = await import('./embed.js');
      const host = document.createElement('div');
      document.body.append(host);
      const widget = await mount(host, { tool: 'agreement', theme: 'light' });
      await new Promise((r) => setTimeout(r, 100));
      const rendered = host.shadowRoot.querySelector('.cs-root').textContent.includes('Agreement');
      widget.update({ tool: 'agreement', theme: 'dark' });
      const theme = host.shadowRoot.querySelector('.cs-root').getAttribute('data-theme');
      widget.destroy();
      const gone = host.shadowRoot.querySelector('.cs-root') === null;
      let refused = '';
      try {
        await mount(document.createElement('div'), { tool: 'nonsense' });
      } catch (e) {
        refused = e.message;
      }
      return { rendered, theme, gone, refused };
    });
    assert.deepEqual(result, { rendered: true, theme: 'dark', gone: true, refused: result.refused });
    assert.match(result.refused, /tool: "nonsense" is not a tool/);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('update changes only what it names; a case object opens; a destroyed widget and a missing element say so', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(PAGE);
    await page.locator('#first').getByTestId('cost').waitFor();
    const result = await page.evaluate(async () => {
      const { mount } = await import('./embed.js');
      const settle = () => new Promise((r) => setTimeout(r, 150));
      const host = document.createElement('div');
      document.body.append(host);
      const root = () => host.shadowRoot.querySelector('.cs-root');
      const exchange = () => host.shadowRoot.querySelector('.case-bar input').value;
      const first = { version: 1, exchange: { name: 'First Exchange' }, estimate: { hourly_rate: '80' } };
      const widget = await mount(host, { tool: 'agreement', compact: true, case: first });
      await settle();
      const start = { exchange: exchange(), compact: !!root().querySelector('.app.compact'), header: !!root().querySelector('.site-header') };
      // A theme alone: still the compact agreement tool, with its case.
      widget.update({ theme: 'light' });
      await settle();
      const themed = {
        theme: root().getAttribute('data-theme'),
        compact: !!root().querySelector('.app.compact'),
        agreement: root().textContent.includes('Agreement'),
        estimateTab: !!root().querySelector('[role=tab]'),
        exchange: exchange(),
      };
      // A new case, as JSON text: it opens, and says so.
      widget.update({ case: JSON.stringify({ version: 1, exchange: { name: 'Second Exchange' } }) });
      await settle();
      const replaced = { exchange: exchange(), said: root().textContent.includes('Opened the case given to this page.'), theme: root().getAttribute('data-theme') };
      const errors = {};
      const attempt = async (name, f) => {
        try {
          await f();
          errors[name] = 'no error';
        } catch (e) {
          errors[name] = `${e instanceof Error}: ${e.message}`;
        }
      };
      await attempt('badOptions', () => widget.update('dark'));
      widget.destroy();
      await attempt('updateDestroyed', () => widget.update({ theme: 'dark' }));
      await attempt('destroyTwice', () => widget.destroy());
      await attempt('mountNull', () => mount(document.querySelector('#no-such-element'), { tool: 'estimate' }));
      await attempt('mountText', () => mount('#first', { tool: 'estimate' }));
      return { start, themed, replaced, errors };
    });
    assert.deepEqual(result.start, { exchange: 'First Exchange', compact: true, header: false });
    assert.deepEqual(result.themed, { theme: 'light', compact: true, agreement: true, estimateTab: false, exchange: 'First Exchange' });
    assert.deepEqual(result.replaced, { exchange: 'Second Exchange', said: true, theme: 'light' });
    assert.match(result.errors.badOptions, /^true: update: the options must be an object/);
    assert.match(result.errors.updateDestroyed, /^true: update: this widget was destroyed/);
    assert.match(result.errors.destroyTwice, /^true: destroy: this widget was destroyed already/);
    assert.match(result.errors.mountNull, /^true: mount: the first argument must be an element of the page \(got null/);
    assert.match(result.errors.mountText, /^true: mount: the first argument must be an element of the page \(got string/);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the widget holds up: throwing options, a second mount, destroy, another storage key, the same case twice', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(PAGE);
    await page.locator('#first').getByTestId('cost').waitFor();
    const result = await page.evaluate(async () => {
      const { mount, mountAll } = await import('./embed.js');
      const settle = () => new Promise((r) => setTimeout(r, 200));
      const attempt = (f) => {
        try {
          f();
          return 'no error';
        } catch (e) {
          return e.message;
        }
      };
      const out = {};
      const host = document.createElement('div');
      host.textContent = 'fallback';
      document.body.append(host);
      const root = () => host.shadowRoot.querySelector('.cs-root');
      const w = await mount(host, { tool: 'cases', compact: true, case: { version: 1, exchange: { name: 'Given' } } });
      await settle();
      // A getter that throws is the error, and the widget still answers after it (it once stayed
      // borrowed for good).
      out.getter = attempt(() => w.update({ get theme() { throw new Error('boom'); } }));
      out.afterGetter = attempt(() => w.update({ theme: 'dark' }));
      out.badTheme = attempt(() => w.update({ theme: 5 }));
      out.badTool = attempt(() => w.update({ tool: 5 }));
      out.badCase = attempt(() => w.update({ case: '{not json' }));
      out.stillGiven = root().querySelector('.case-bar input').value;
      // The same case object twice opens twice.
      const again = { version: 1, exchange: { name: 'Again' } };
      w.update({ case: again });
      await settle();
      w.update({ case: again });
      await settle();
      out.cards = [...root().querySelectorAll('.card')].map((c) => c.dataset.case);
      // Another storage key: the workspace saved there, not this one written over it.
      localStorage.setItem('embed-test-key', JSON.stringify({ version: 1, cases: [{ id: 1, case: { version: 1, exchange: { name: 'Saved There' } } }], current: 1, next_id: 2 }));
      w.update({ storage: 'embed-test-key' });
      await settle();
      out.switched = root().querySelector('.case-bar input').value;
      out.kept = JSON.parse(localStorage.getItem('embed-test-key')).cases.map((c) => c.case.exchange.name);
      // A later update of another option does not open the given case again (after the switch
      // the app once counted the cases given from 0, and the next update looked like a new one).
      w.update({ theme: 'dark' });
      await settle();
      out.afterTheme = [...root().querySelectorAll('.card')].map((c) => c.dataset.case);
      // A second mount takes the first off; destroy shows the element's own content again, and
      // the element can be mounted anew.
      const w2 = await mount(host, { tool: 'estimate' });
      out.firstAfterRemount = attempt(() => w.update({ theme: 'light' }));
      w2.destroy();
      out.fallbackShown = host.getBoundingClientRect().height > 0 && host.shadowRoot.querySelector('slot') !== null;
      host.dataset.connectorScope = 'maturity';
      out.remounted = (await mountAll()).length;
      out.mountFunction = await mount(document.createElement('div'), function () {}).then(() => 'no error', (e) => e.message);
      return out;
    });
    assert.match(result.getter, /^the options could not be read: boom$/);
    assert.equal(result.afterGetter, 'no error');
    assert.match(result.badTheme, /^theme: must be a string/);
    assert.match(result.badTool, /^tool: must be a string/);
    assert.match(result.badCase, /could not be read/);
    assert.equal(result.stillGiven, 'Given');
    assert.deepEqual(result.cards.filter((n) => n === 'Again').length, 2, JSON.stringify(result.cards));
    assert.equal(result.switched, 'Saved There');
    assert.deepEqual(result.kept, ['Saved There']);
    assert.deepEqual(result.afterTheme, ['Saved There']);
    assert.match(result.firstAfterRemount, /destroyed/);
    assert.equal(result.fallbackShown, true);
    assert.equal(result.remounted, 1);
    assert.match(result.mountFunction, /the options must be an object/);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the page's text styles, direction and root size do not reach the tool; a flex row gives it room", async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(PAGE);
    await page.locator('#first').getByTestId('cost').waitFor();
    const result = await page.evaluate(async () => {
      const { mount } = await import('./embed.js');
      document.documentElement.style.fontSize = '20px';
      document.documentElement.dir = 'rtl';
      document.body.style.cssText = 'text-transform:uppercase;letter-spacing:3px;white-space:nowrap;text-indent:60px';
      const row = document.createElement('div');
      row.style.display = 'flex';
      const host = document.createElement('div');
      const sibling = document.createElement('p');
      sibling.textContent = 'sibling';
      row.append(host, sibling);
      document.body.prepend(row);
      await mount(host, { tool: 'maturity', compact: true });
      await new Promise((r) => setTimeout(r, 300));
      const q = getComputedStyle(host.shadowRoot.querySelector('.question'));
      const root = host.shadowRoot.querySelector('.cs-root');
      const label = host.shadowRoot.querySelector('.field label');
      return {
        styles: [q.textTransform, q.letterSpacing, q.whiteSpace, q.textIndent, q.direction],
        width: host.getBoundingClientRect().width,
        // The user's default text size (16 px here), whatever the page's root size.
        text: parseFloat(getComputedStyle(label).fontSize) * (parseFloat(root.style.zoom) || 1),
      };
    });
    assert.deepEqual(result.styles, ['none', 'normal', 'normal', '0px', 'ltr']);
    assert.ok(result.width >= 300, `the widget is ${result.width} px wide in a flex row`);
    assert.ok(Math.abs(result.text - 14) < 0.5, `a label is ${result.text} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // What a docs author sees when a path or the CSP is wrong: a sentence in the element, not an
  // empty box.
  const broken = [
    {
      name: 'the wasm is not hosted (404)',
      setup: (page) => page.route('**/pkg/scope_web_bg.*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' })),
      message: /^Connector Scope could not start here: its WebAssembly \S+pkg\/scope_web_bg\.[0-9a-f]{16}\.wasm could not be loaded \(HTTP 404\)\. Host the whole connector-scope folder/,
    },
    {
      name: 'the script is not hosted (404)',
      setup: (page) => page.route('**/pkg/scope_web.js', (route) => route.fulfill({ status: 404, body: 'not found' })),
      message: /^Connector Scope could not start here: its script \S+pkg\/scope_web\.js could not be loaded .*serve \.js files as JavaScript\.$/,
    },
    {
      name: "the page's CSP has no 'wasm-unsafe-eval'",
      setup: (page) =>
        page.route('**/embed-example.html', async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers() };
          headers['content-security-policy'] = headers['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
          await route.fulfill({ response, headers });
        }),
      message: /^Connector Scope could not start here: this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src\.$/,
    },
  ];
  for (const { name, setup, message } of broken) {
    test(`the loader says what is wrong when ${name}`, async () => {
      const { context, page } = await watchedPage(browser);
      await setup(page);
      await page.goto(PAGE);
      const first = page.locator('#first');
      await page.waitForFunction(() =>
        ['#first', '#third'].every((id) => /could not start here/.test(document.querySelector(id)?.textContent ?? '')),
      );
      assert.match(await first.textContent(), message);
      // Every tool on the page says it, not only the first.
      assert.match(await page.locator('#third').textContent(), /^Connector Scope could not start here/);
      await context.close();
    });
  }
});
