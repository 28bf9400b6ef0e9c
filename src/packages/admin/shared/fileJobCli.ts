/**
 * For the pages' component tests (their jsdom cannot run the SDK): stands in for a background file
 * job's timer (core/jobs/fileJobs.ts), which the component cloud does not run.
 * `tsx fileJobCli.ts <cloud url> <collection> <id> running <rows> <total>`: marks it being written;
 * `tsx fileJobCli.ts <cloud url> <collection> <id> done <rows> <cloud path>`: stores a small file and marks it done.
 * Not bundled: no page imports it.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Runs this script from a test, against the component cloud. */
export function fileJobInCloud(collection: string, id: string, state: 'running' | 'done', rows: number, extra: string) {
  const url = process.env.JY_TEST_CLOUD_URL;
  if (!url) throw new Error('the component cloud is not running');
  execFileSync(process.execPath, [createRequire(__filename).resolve('tsx/cli'), __filename, url, collection, id, state, String(rows), extra], { stdio: 'inherit' });
}

async function main([url, collection, id, state, rows, extra]: string[]) {
  // loaded here, in the script's own process: the test's jsdom cannot load the local stack
  const { adminApp } = await import('../../../../scripts/localStack');
  const app = adminApp(url);
  const jobs = app.database().collection(collection);
  if (state === 'running') {
    await jobs.doc(id).update({ status: 'running', rows: Number(rows), total: Number(extra), startedAt: new Date(), attempts: 1 });
    return;
  }
  const { fileID } = await app.uploadFile({ cloudPath: extra, fileContent: Buffer.from('file') });
  await jobs.doc(id).update({ status: 'done', rows: Number(rows), total: Number(rows), fileId: fileID, dueAt: null, finishedAt: new Date() });
}

if (process.argv[1] === __filename) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
