/** The app's local stack under the security rules shipped in `security/`. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/modules';
import { loadSecret, SessionSigner } from '../emulator/bridge/session';
import { ClientRules, readRulesFiles } from '../emulator/security/rules';
import type { LocalCloud } from '../emulator/server';
import { adminApp, RULES_FILES, startStack } from './localStack';

describe('shipped security rules', () => {
  it('deny every client read and write on every declared collection', () => {
    const rules = new ClientRules(readRulesFiles(RULES_FILES));
    expect(rules.unsupported()).toEqual([]);
    expect(rules.undeclared(COLLECTIONS.map((spec) => spec.name))).toEqual([]);
    for (const { name } of COLLECTIONS) {
      for (const op of ['read', 'write'] as const) {
        expect([name, op, rules.allowsDatabase(name, op, { openid: 'o_x' }, { _openid: 'o_x' })]).toEqual([name, op, false]);
      }
    }
  });
});

describe('local stack under the shipped rules', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let cookieOf: (openid: string) => string;
  const file = (cloudPath: string) => `cloud://local.local-1300000000/${cloudPath}`;

  const upload = (openid: string, cloudPath: string, content: string) => {
    const form = new FormData();
    form.append('cloudPath', cloudPath);
    form.append('file', new Blob([content], { type: 'image/jpeg' }), 'p.jpg');
    return fetch(`${cloud.url}/api/storage/upload`, { method: 'POST', body: form, headers: { cookie: cookieOf(openid) } });
  };
  const tempUrl = async (openid: string, fileID: string) => {
    const res = await fetch(`${cloud.url}/api/storage/temp-urls`, {
      method: 'POST',
      headers: { cookie: cookieOf(openid), 'content-type': 'application/json' },
      body: JSON.stringify({ fileList: [fileID] }),
    });
    return ((await res.json()) as { fileList: { status: number; tempFileURL: string }[] }).fileList[0];
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jy-stack-'));
    ({ cloud } = await startStack({ dataDir, timers: false }));
    const signer = new SessionSigner(loadSecret(dataDir));
    cookieOf = (openid) => `jy_session=${signer.issue(openid)}`;
  }, 120_000);

  afterAll(async () => {
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a client database read through the bridge; the server SDK reads as before', async () => {
    for (const query of [{}, { _id: 'demo-resident' }, { _openid: '{openid}' }]) {
      const res = await fetch(`${cloud.url}/api/database/get`, {
        method: 'POST',
        headers: { cookie: cookieOf('demo-resident'), 'content-type': 'application/json' },
        body: JSON.stringify({ collection: 'users', query }),
      });
      expect(res.status).toBe(403);
    }
    const { data } = await adminApp(cloud.url).database().collection('users').where({ _id: 'demo-resident' }).get();
    expect(data).toHaveLength(1);
  });

  it("lets a resident upload only into uploads/<openid>/ and read only their own files", async () => {
    expect((await upload('demo-resident', 'appeals/r1/a.jpg', 'x')).status).toBe(403);
    expect((await upload('demo-resident', 'uploads/demo-resident-2/a.jpg', 'x')).status).toBe(403);
    const ok = await upload('demo-resident', 'uploads/demo-resident/r1/a.jpg', 'photo');
    expect(ok.status).toBe(200);
    const fileID = file('uploads/demo-resident/r1/a.jpg');
    expect(((await ok.json()) as { fileID: string }).fileID).toBe(fileID);

    const own = await tempUrl('demo-resident', fileID);
    expect(own.status).toBe(0);
    expect(await (await fetch(own.tempFileURL)).text()).toBe('photo');
    expect(await tempUrl('demo-grid-worker', fileID)).toMatchObject({ status: -1, tempFileURL: '' });

    // The server SDK is not bound by the rules.
    const { fileList } = await adminApp(cloud.url).getTempFileURL({ fileList: [fileID] });
    expect(fileList[0].code).toBe('SUCCESS');
  });
});
