// One small layer over the drivers, so that the same journeys run on every browser kernel an
// official may have (tests/e2e/kernels.test.mjs):
//   Chromium 86 and 109, unpacked from npm packages by build/old-chromium.mjs, driven by
//   puppeteer-core 5.3.1 (playwright-core cannot drive a Chromium that old);
//   Debian's current Chromium, driven by playwright-core as in the other end-to-end tests;
//   Debian's Firefox ESR, driven over WebDriver BiDi by a current puppeteer-core (npm alias
//   puppeteer-core-firefox), when it is installed (make browser installs it).
// A Tab offers what the journeys do — open the page, pick a file, wait, read, click, choose,
// download — and records the page's errors, requests and CSP violations.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import puppeteerBidi from 'puppeteer-core-firefox';
import { CHROMIUM_ARGS, fixtures, statuses, launch as launchPlaywright } from './support.mjs';
import { oldChromium } from '../../build/old-chromium.mjs';

// What the old builds need here besides the usual flags (they are made for AWS Lambda).
const OLD_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--no-zygote', '--single-process', '--use-gl=swiftshader'];

export const KERNELS = [
  { name: 'Chromium 86', version: 86 },
  { name: 'Chromium 109', version: 109 },
  { name: 'current Chromium', version: null },
  { name: 'Firefox ESR', firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr' },
];

/** Records every request, error and CSP violation of a page, and hands files to its picker. */
class Tab {
  /** `context`, when the tab has its own, is closed with it. */
  constructor(page, driver, downloads, context = null) {
    Object.assign(this, { page, driver, downloads, context, errors: [], requests: [] });
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && this.errors.push(m.text()));
    page.on('request', (r) => this.requests.push(r.url()));
  }

  /** The window's size in CSS pixels (a phone is 390 wide). */
  viewport(width, height) {
    return this.driver === 'playwright'
      ? this.page.setViewportSize({ width, height })
      : this.page.setViewport({ width, height });
  }

  async goto(url) {
    const record = () => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    };
    if (this.driver === 'playwright') await this.page.addInitScript(record);
    else await this.page.evaluateOnNewDocument(record);
    await this.page.goto(url);
    await this.waitFor('input[type=file]', { visible: false });
  }

  /** Waits until an element matching `selector` is shown (or, `visible: false`, is in the page). */
  waitFor(selector, { visible = true } = {}) {
    return this.page.waitForSelector(selector, this.driver === 'playwright'
      ? { state: visible ? 'visible' : 'attached' }
      : { visible });
  }

  /** Waits until `fn(arg)`, run in the page, is true. */
  waitUntil(fn, arg) {
    return this.driver === 'playwright'
      ? this.page.waitForFunction(fn, arg)
      : this.page.waitForFunction(fn, {}, arg);
  }

  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  /** textContent of the first element matching `selector`. */
  text(selector) {
    return this.page.$eval(selector, (e) => e.textContent);
  }

  /** `fn` applied to every element matching `selector`, in the page. */
  all(selector, fn) {
    return this.page.$$eval(selector, fn);
  }

  click(selector) {
    return this.page.click(selector);
  }

  select(selector, value) {
    return this.driver === 'playwright' ? this.page.selectOption(selector, value) : this.page.select(selector, value);
  }

  /** Picks a fixture by name (tests/fixtures/) or a file by its absolute path, as a person would
   * with the file dialog, in the page's file input or the one `selector` names. */
  async pick(name, selector = '#file-input') {
    const path = isAbsolute(name) ? name : join(fixtures, name);
    if (this.driver === 'playwright') return this.page.setInputFiles(selector, path);
    const input = await this.page.$(selector);
    return input.uploadFile(path);
  }

  /** Clicks `selector` and waits for the browser to save the file: { name, path }. */
  async download(selector) {
    if (this.driver === 'playwright') {
      const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.click(selector)]);
      const path = join(this.downloads, file.suggestedFilename());
      await file.saveAs(path);
      return { name: file.suggestedFilename(), path };
    }
    const before = new Set(await readdir(this.downloads));
    await this.page.click(selector);
    for (let waited = 0; waited < 30_000; waited += 100) {
      const done = (await readdir(this.downloads)).filter((f) => !before.has(f) && !/\.(crdownload|part)$/.test(f));
      if (done.length) return { name: done[0], path: join(this.downloads, done[0]) };
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`no download after clicking ${selector}`);
  }

  /** { as_written → status } of the result rows on screen. */
  statuses() {
    return statuses(this.page); // $$eval: the same in both drivers
  }

  async close() {
    if (this.context) return this.context.close();
    await this.page.evaluate(() => localStorage.clear()).catch(() => {});
    return this.page.close();
  }
}

/** Starts a kernel of KERNELS: { version, newTab({ offline }), close() }. */
export async function startKernel({ version, firefox }) {
  const downloads = await mkdtemp(join(tmpdir(), 'duibiao-downloads-'));
  const closeWith = (browser) => async () => {
    await browser.close();
    await rm(downloads, { recursive: true, force: true });
  };
  if (firefox) {
    const browser = await puppeteerBidi.launch({
      browser: 'firefox',
      executablePath: firefox,
      headless: true,
      defaultViewport: { width: 1280, height: 720 },
      // Saves downloads into `downloads` without asking.
      extraPrefsFirefox: {
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
    return {
      version: Number((await browser.version()).split('/')[1].split('.')[0]),
      async newTab({ offline = false } = {}) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        if (offline) await page.setOfflineMode(true);
        return new Tab(page, 'puppeteer', downloads, context);
      },
      close: closeWith(browser),
    };
  }
  if (version === null) {
    const browser = await launchPlaywright();
    const version = Number((await browser.version()).split('.')[0]);
    return {
      version,
      async newTab({ offline = false } = {}) {
        const context = await browser.newContext({ acceptDownloads: true });
        if (offline) await context.setOffline(true);
        return new Tab(await context.newPage(), 'playwright', downloads, context);
      },
      close: closeWith(browser),
    };
  }
  const { executable, libraries } = oldChromium(version);
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run node build/old-chromium.mjs`);
  const browser = await puppeteer.launch({
    executablePath: executable,
    args: OLD_CHROMIUM_ARGS,
    env: { ...process.env, LD_LIBRARY_PATH: libraries },
    defaultViewport: { width: 1280, height: 720 },
  });
  const actual = Number((await browser.version()).match(/\/(\d+)\./)[1]);
  if (actual !== version) throw new Error(`${executable} is Chromium ${actual}, not ${version}`);
  return {
    version,
    async newTab({ offline = false } = {}) {
      // One context (a second one crashes a --single-process Chromium): close() clears what a
      // tab stored (the language chosen), so that nothing carries over to the next.
      const page = await browser.newPage();
      // The DevTools protocol of Chromium 86 and 109 both have this (later ones moved it to Browser).
      await page._client.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      if (offline) await page.setOfflineMode(true);
      return new Tab(page, 'puppeteer', downloads);
    },
    close: closeWith(browser),
  };
}

