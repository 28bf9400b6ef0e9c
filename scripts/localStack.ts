import tcb from '@cloudbase/node-sdk';
import path from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/modules';
import { readRulesFiles } from '../emulator/security/rules';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../emulator/server';
import { buildFunctions } from './build-functions';
import { seed } from './seed';

export const ROOT = path.resolve(__dirname, '..');

/** The security rules shipped in `security/`, applied to CloudBase in the console. */
export const RULES_FILES = {
  database: path.join(ROOT, 'security', 'database.rules.json'),
  storage: path.join(ROOT, 'security', 'storage.rules.json'),
};

/**
 * What the local CloudBase needs to know about this app: its collections, where the demo personas
 * and the message log live, the security rules, and where the app may upload (`uploads/<openid>/`).
 */
export function appCloudOptions(): Pick<LocalCloudOptions, 'collections' | 'personas' | 'messageLog' | 'rules' | 'clientUploadPrefix' | 'functionsDir'> {
  return {
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    collections: [...COLLECTIONS],
    personas: { collection: 'users', field: 'demo' },
    messageLog: 'messageLog',
    rules: readRulesFiles(RULES_FILES),
    clientUploadPrefix: 'uploads/{openid}/',
  };
}

export interface StackOptions {
  port?: number;
  dataDir: string;
  staticDir?: string;
  timers?: boolean;
}

// Outside CloudBase the SDK probes metadata.tencentyun.com on every request (unreachable here, up to
// 30 ms each); this variable tells it where it runs and skips the probe. Nothing else changes.
process.env.TENCENTCLOUD ??= 'true';

/** An admin SDK client of a local cloud: what scripts and tests use to read and write directly. */
export function adminApp(url: string) {
  return tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl: `${url}/admin` });
}

/** Builds the functions, starts the local CloudBase and seeds it on first run. */
export async function startStack(options: StackOptions): Promise<{ cloud: LocalCloud; seeded: boolean }> {
  await buildFunctions({ quiet: true });
  const cloud = await startLocalCloud({
    ...appCloudOptions(),
    port: options.port ?? 0,
    dataDir: options.dataDir,
    staticDir: options.staticDir,
    timers: options.timers ?? true,
  });
  try {
    const seeded = await seed(adminApp(cloud.url).database());
    return { cloud, seeded };
  } catch (error) {
    await cloud.close();
    throw error;
  }
}
