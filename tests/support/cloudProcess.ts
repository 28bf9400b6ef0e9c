/**
 * A local cloud in a process of its own, for the component tests. On two cores jest runs them in
 * its own process, where the cloud would share one event loop with the pages under test and stop
 * dead while a test waits on a child process (tests/support/booking.ts arriveTodayInCloud). Prints
 * `READY <url>` once seeded; stops on SIGTERM or when the parent's end of stdin closes.
 */
import { startStack } from '../../scripts/localStack';

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: cloudProcess.ts <dataDir>');
  const { cloud } = await startStack({ dataDir, timers: false });
  const stop = () => void cloud.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.stdout.write(`READY ${cloud.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
