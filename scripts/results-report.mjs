// How the results fit a phone: for three personas, the results page's height at 390 x 844 px, how many phone screens
// that is, and how far down the last likely or possible route's status is. Also the header's share of the first
// screen on a question at 320 x 568 px. A report, not a test: run it on a release build (`make dist` first).
//
//   node scripts/results-report.mjs            # the build in dist/
//   PA_DIST=/some/dist node scripts/results-report.mjs

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'smol-toml';

import { DIST_DIR, answerAll, launchChromium, openApp, serveDist, shownResults } from '../tests/e2e/support.mjs';

const PERSONAS = [
  'trafficking-nigerian-woman-ready',
  'work-blue-card-ghent',
  'protection-unaccompanied-afghan',
  'trafficking-in-danger-now-nigerian-woman',
];
const PHONE = { width: 390, height: 844 };

const server = await serveDist({ root: resolve(process.env.PA_DIST ?? DIST_DIR) });
const browser = await launchChromium();
try {
  for (const name of PERSONAS) {
    const { answers } = parse(readFileSync(`tests/scenarios/${name}.toml`, 'utf8'));
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await openApp(page, server.url);
    await page.locator('[data-action="start"]').click();
    await answerAll(page, answers);
    await page.locator('[data-action="results"]').click();
    await shownResults(page);
    const measured = await page.evaluate(() => {
      const top = (element) => element.getBoundingClientRect().top + window.scrollY;
      const open = [...document.querySelectorAll('[data-route-id]')].filter((card) =>
        ['likely', 'possible'].includes(card.dataset.status) && !card.closest('.pa-other-information, .pa-not-matching'),
      );
      const statuses = open.map((card) => card.querySelector('.pa-tag')).filter(Boolean);
      return {
        height: document.documentElement.scrollHeight,
        routes: open.length,
        lastStatus: Math.max(0, ...statuses.map((tag) => top(tag) + tag.getBoundingClientRect().height)),
      };
    });
    const screens = (px) => (px / PHONE.height).toFixed(1);
    console.log(
      `${name}: results ${measured.height} px tall (${screens(measured.height)} screens at ${PHONE.width} x ${PHONE.height}); ` +
        `${measured.routes} likely or possible routes, the last status ends at ${Math.round(measured.lastStatus)} px (${screens(measured.lastStatus)} screens)`,
    );
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 320, height: 568 } });
  const page = await context.newPage();
  await openApp(page, server.url);
  await page.locator('[data-action="start"]').click();
  await page.locator('form[data-question-id]').waitFor();
  const header = await page.evaluate(() => {
    const h1 = document.querySelector('main h1, main legend h1, main .pa-fieldset__heading');
    return {
      header: Math.round(document.querySelector('.pa-header').getBoundingClientRect().height),
      headingBottom: Math.round(h1.getBoundingClientRect().bottom + window.scrollY),
    };
  });
  console.log(
    `first question at 320 x 568: the header is ${header.header} px (${Math.round((100 * header.header) / 568)} % of the screen); ` +
      `the question's heading ends at ${header.headingBottom} px (${header.headingBottom <= 568 ? 'visible' : 'below the fold'})`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
