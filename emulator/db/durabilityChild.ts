/**
 * Test helper process: writes to a database file forever, printing `ack <n>` after each write is
 * acknowledged, until it is killed. Usage: node --import tsx durabilityChild.ts <file>
 */
import { openDatabase } from './index';

const file = process.argv[2];
const db = openDatabase({ file, collections: [{ name: 'acks', indexes: [{ name: 'n', keys: { n: 1 }, unique: true }] }] });

async function main(): Promise<void> {
  for (let n = 0; ; n++) {
    const res = await db.handle({ action: 'database.insertDocument', collectionName: 'acks', data: [JSON.stringify({ _id: `k${n}`, n })] });
    if (res.code) throw new Error(String(res.message));
    const upd = await db.handle({
      action: 'database.modifyDocument',
      collectionName: 'acks',
      queryType: 'DOC',
      query: JSON.stringify({ _id: 'k0' }),
      data: JSON.stringify({ $set: { last: n } }),
      multi: false,
      merge: true,
      upsert: false,
    });
    if (upd.code) throw new Error(String(upd.message));
    process.stdout.write(`ack ${n}\n`);
  }
}

void main();
