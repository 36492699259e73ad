// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// against the app served by `cargo xtask serve`'s own server (its URL in SCOPE_URL).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const APP_URL = process.env.SCOPE_URL;
if (!APP_URL) {
  throw new Error('SCOPE_URL is not set: run these tests through `cargo xtask test e2e`');
}

const ARTIFACTS = process.env.E2E_ARTIFACTS || 'tests/e2e/artifacts';

/**
 * The app page holds a pre-rendered, inert first view until the wasm replaces it: a page's
 * `goto` and `reload` resolve once that has happened (on other pages at once), so that a test
 * acts on the live app, never on the picture of it. `{ firstView: true }` in the options: resolve
 * as Playwright does, for a test of the first view itself.
 */
function onTheLiveApp(page) {
  for (const name of ['goto', 'reload']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const at = name === 'goto' ? 1 : 0;
      const { firstView = false, ...options } = args[at] ?? {};
      args[at] = options;
      const response = await original(...args);
      if (!firstView) await page.waitForFunction(() => !document.querySelector('#app > .prerendered'));
      return response;
    };
  }
  return page;
}

function livePages(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    const newPage = context.newPage.bind(context);
    context.newPage = async () => onTheLiveApp(await newPage());
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => onTheLiveApp(await newPage(...args));
  return browser;
}

export async function launch(extraArgs = []) {
  return livePages(await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  }));
}

/**
 * A new page that records what must never happen: console errors, uncaught exceptions,
 * CSP violations, failed requests, and any request that leaves the app's own origin.
 */
export async function watchedPage(browser, options = {}) {
  // `origin`: the one origin requests may go to (the app's, unless the page is another site's).
  const { origin = new URL(APP_URL).origin, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) {
      problems.push(`request outside the app's origin: ${url}`);
    }
  });
  // Init scripts run through the DevTools protocol, so the page's CSP does not block them.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return { context, page, problems };
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The command line's JSON for a case file in tests/cases (the binary xtask built). */
export function cli(command, file) {
  const cases = process.env.CASES_DIR || 'tests/cases';
  return JSON.parse(execFileSync(process.env.CONNECTOR_SCOPE_BIN, [command, join(cases, file)], { encoding: 'utf8' }));
}

/** A decimal as the app shows money: 12238.88 as 12,238.88. */
export function money(value) {
  const [whole, cents] = Number(value).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** The current case's share link (Cases tool open), once the browser has deflated the case. */
export async function shareLink(page) {
  await page.waitForFunction(() => document.querySelector('#cs-share-link')?.value.includes('#connector-scope-case='));
  return page.getByLabel(/Share link/).inputValue();
}
