/**
 * The CloudBase CLI commands that apply `security/*.rules.json` to an environment: the database rule
 * of every collection the modules declare (its own entry, else `default`), and the storage rule.
 * `npx tsx scripts/security-commands.ts <envId> <bucket>` prints them; run them after `tcb login`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/modules';

type Rule = { read?: boolean | string; write?: boolean | string };
const root = path.resolve(__dirname, '..');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, 'security', file), 'utf8')) as T;

const [env = '<你的环境ID>', bucket = '<存储桶名>'] = process.argv.slice(2);
const database = read<{ default: Rule; collections?: Record<string, Rule> }>('database.rules.json');
const storage = read<Rule>('storage.rules.json');
const quote = (rule: Rule) => `'${JSON.stringify(rule)}'`;

for (const { name } of COLLECTIONS) {
  const rule = database.collections?.[name] ?? database.default;
  console.log(`npx @cloudbase/cli permission set collection:${name} --level custom --rule ${quote(rule)} -e ${env}`);
}
console.log(`npx @cloudbase/cli permission set storage:${bucket} --level custom --rule ${quote(storage)} -e ${env}`);
