/**
 * Runs Tencent's own offline code-quality check (`miniprogram-ci`'s `checkCodeQuality`, the 代码质量
 * panel of WeChat DevTools) in a process of its own and prints its items as one JSON line after
 * RESULT_MARK. A process of its own because the check leaves a chokidar watcher open on the
 * mini-program directory (its analyser is never destroyed) and prints to the console.
 *
 * Usage (see runMiniprogramCi in ./miniprogramCi.ts): node -r tsx/cjs ciWorker.ts <job JSON>
 */
import * as ci from 'miniprogram-ci';
import { RESULT_MARK, type CiJob, type CiOutcome } from './miniprogramCi';

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as CiJob;
  const errors: string[] = [];
  // A check that throws is reported as passed by miniprogram-ci (it only logs the error): keep them.
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  };
  console.log = () => undefined;
  console.warn = () => undefined;
  ci.locales.setLocale('zh');
  const project = new ci.Project({
    appid: job.appid,
    type: 'miniProgram',
    projectPath: job.projectPath,
    // Only upload and preview sign requests with the key; the offline check never reads it.
    privateKey: 'offline-code-quality-check',
    ignores: job.ignores,
  });
  const items = await ci.checkCodeQuality(project);
  const outcome: CiOutcome = {
    items: items.map((item) => ({
      name: String(item.name ?? ''),
      success: item.success === true,
      text: item.text ?? '',
      docURL: item.docURL,
      detail: item.detail as unknown,
    })),
    errors,
  };
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(outcome)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
