// The release build loads in Chromium, shows the start page without any console error, and Start works.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openApp, serveDist, serverAndBrowser, withPage } from './support.mjs';

describe('start page (release build)', () => {
  const suite = serverAndBrowser();

  test('shows the heading, the description and the Start button', async () => {
    await withPage(suite, async (page) => {
      assert.equal(await page.locator('h1').textContent(), 'Find your way in Belgium');
      const description = await page.locator('main').textContent();
      assert.match(description, /stay on this device/);
      assert.match(description, /not legal advice/);
      // An embedding page keeps its focus when the app loads: only a move between screens moves it.
      assert.equal(await page.locator('h1').evaluate((element) => element === document.activeElement), false);
      assert.equal(await page.getByRole('button', { name: 'Start' }).isVisible(), true);
      assert.equal(await page.title(), 'Find your way in Belgium');
    });
  });

  test('the console shows no error and nothing is fetched from another origin', async () => {
    // withPage checks the console, page errors, failed and foreign requests after the app has started.
    await withPage(suite, async (page) => {
      await page.waitForLoadState('networkidle');
    });
  });

  test('Start opens the questions and moves focus to their heading; Back returns', async () => {
    await withPage(suite, async (page) => {
      await page.getByRole('button', { name: 'Start' }).click();
      const heading = page.locator('h1');
      await heading.filter({ hasText: 'Are you in danger right now?' }).waitFor();
      assert.equal(await heading.evaluate((element) => element === document.activeElement), true);

      await page.getByRole('button', { name: 'Back' }).click();
      await heading.filter({ hasText: 'Find your way in Belgium' }).waitFor();
      assert.equal(await heading.evaluate((element) => element === document.activeElement), true, 'Back moves focus too');
    });
  });

  test('the built page has no inline script or style, so a strict policy can apply', async () => {
    await withPage(suite, async (page) => {
      const inline = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll('script:not([src])')].map((script) => script.outerHTML),
        styles: [...document.querySelectorAll('style, [style]')].map((element) => element.outerHTML),
      }));
      assert.deepEqual(inline, { scripts: [], styles: [] });
    });
  });

  test('the app starts under a strict Content-Security-Policy', async () => {
    const strict = await serveDist({
      headers: {
        'Content-Security-Policy':
          "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
          "connect-src 'self'; base-uri 'none'; form-action 'none'",
      },
    });
    try {
      await withPage({ browser: suite.browser, server: strict }, async (page) => {
        await page.getByRole('button', { name: 'Start' }).click();
        await page.locator('h1').filter({ hasText: 'Are you in danger right now?' }).waitFor();
      });
    } finally {
      await strict.close();
    }
  });

  test('the Start button is a 44px target', async () => {
    await withPage(suite, async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      const box = await page.getByRole('button', { name: 'Start' }).boundingBox();
      assert.ok(box.height >= 44, `the button is ${box.height}px high`);
    });
  });

  test('the emergency numbers show on a phone without scrolling, and dial when pressed', async () => {
    await withPage(suite, async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const number of ['112', '101', '078 055 800']) {
        const link = page.locator('.pa-emergency a', { hasText: number });
        const box = await link.boundingBox();
        assert.ok(box && box.y + box.height <= 640, `${number} is visible without scrolling`);
        assert.equal(await link.getAttribute('href'), `tel:${number.replaceAll(' ', '')}`);
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `no horizontal scrolling at 320px (scrollWidth ${width})`);
    });
  });

  for (const how of ['button', 'Shift pressed three times']) {
    test(`Exit this page (${how}) replaces the page and leaves no history entry`, async () => {
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      // The neutral site is answered locally: the test reaches no other host.
      await context.route('https://www.bbc.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }),
      );
      try {
        await page.goto('about:blank');
        await openApp(page, suite.server.url);
        await page.getByRole('button', { name: 'Start' }).click();
        const historyBefore = await page.evaluate(() => history.length);
        if (how === 'button') {
          await page.getByRole('button', { name: 'Exit this page' }).click();
        } else {
          for (let i = 0; i < 3; i += 1) {
            await page.keyboard.press('Shift');
          }
        }
        await page.waitForURL('https://www.bbc.com/weather');
        assert.equal(await page.title(), 'Weather');
        assert.equal(await page.evaluate(() => history.length), historyBefore, 'the assistant entry was replaced');
        await page.goBack();
        assert.equal(page.url(), 'about:blank', 'Back does not return to the assistant');
      } finally {
        await context.close();
      }
    });
  }
});
