/**
 * For the page's component test (its jsdom cannot run the SDK): stands in for the timer job, which
 * the component cloud does not run — stores a small file and marks the export done.
 * `tsx finishCli.ts <cloud url> <export id> <rows>`. Not bundled: no page imports it.
 */
import { adminApp } from '../../../../scripts/localStack';

const [url, id, rows] = process.argv.slice(2);
const app = adminApp(url);
(async () => {
  const { fileID } = await app.uploadFile({ cloudPath: `exports/${id}.xlsx`, fileContent: Buffer.from('xlsx') });
  await app.database().collection('exports').doc(id).update({ status: 'done', rows: Number(rows), total: Number(rows), fileId: fileID, dueAt: null, finishedAt: new Date() });
})().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
