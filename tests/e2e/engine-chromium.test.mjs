// The walkthroughs, privacy checks and offline check of tests/e2e/engines/suite.mjs, in one engine:
// Chromium (playwright-core).

import { engineSuite } from './engines/suite.mjs';

engineSuite('chromium');
