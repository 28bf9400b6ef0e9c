import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../../scripts/localStack';

/** One real local cloud for the component tests; pages reach it through the H5 bridge. */
export default async function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jy-components-'));
  const { cloud } = await startStack({ dataDir, timers: false });
  process.env.JY_TEST_CLOUD_URL = cloud.url;
  (globalThis as { __componentCloud?: typeof cloud }).__componentCloud = cloud;
}
