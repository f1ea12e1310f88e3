// The walkthroughs, privacy checks and offline check of tests/e2e/engines/suite.mjs, in one engine:
// Firefox ESR (puppeteer-core over WebDriver BiDi).

import { engineSuite } from './engines/suite.mjs';

engineSuite('firefox');
