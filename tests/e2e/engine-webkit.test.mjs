// The walkthroughs, privacy checks and offline check of tests/e2e/engines/suite.mjs, in one engine:
// WebKitGTK (WebKitWebDriver driving MiniBrowser under Xvfb).

import { engineSuite } from './engines/suite.mjs';

engineSuite('webkit');
