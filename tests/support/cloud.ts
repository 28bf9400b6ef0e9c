import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, InputOf, OutputOf } from '../../types/contract';
import type { Contract, FunctionName } from '../../types/index';
import type { LocalCloud } from '../../emulator/server';
import { adminApp, startStack } from '../../scripts/localStack';

export interface TestCloud {
  cloud: LocalCloud;
  /** Its data folder: a command-line script run with DATA_DIR set to it uses this cloud. */
  dataDir: string;
  /** Admin database access through the real SDK, for arranging and checking data. */
  db: ReturnType<ReturnType<typeof adminApp>['database']>;
  /** Calls a function action as the given WeChat user (identity injected by the host, as CloudBase does). */
  call<F extends FunctionName, A extends keyof Contract[F] & string>(
    openid: string,
    fn: F,
    action: A,
    input: InputOf<Contract[F][A]>,
  ): Promise<Envelope<OutputOf<Contract[F][A]>>>;
  /** Like `call`, but returns the data and fails the test on an error envelope. */
  ok<F extends FunctionName, A extends keyof Contract[F] & string>(
    openid: string,
    fn: F,
    action: A,
    input: InputOf<Contract[F][A]>,
  ): Promise<OutputOf<Contract[F][A]>>;
  close(): Promise<void>;
}

/**
 * A fresh local CloudBase on a temporary data dir: functions built, demo data seeded, timers off.
 * Rate limits are off (these tests file dozens of appeals as one persona) unless `shippedLimits`.
 */
export async function startTestCloud({ shippedLimits = false } = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jy-int-'));
  if (shippedLimits) delete process.env.JIAYUAN_LIMITS;
  else process.env.JIAYUAN_LIMITS = 'off';
  const { cloud } = await startStack({ dataDir, timers: false });
  const call: TestCloud['call'] = async (openid, fn, action, input) => {
    const { result } = await cloud.host.invoke(fn, { action, input }, { openid });
    return result as never;
  };
  return {
    cloud,
    dataDir,
    db: adminApp(cloud.url).database(),
    call,
    ok: async (openid, fn, action, input) => {
      const envelope = await call(openid, fn, action, input);
      if (!envelope.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.data;
    },
    close: () => cloud.close(),
  };
}
