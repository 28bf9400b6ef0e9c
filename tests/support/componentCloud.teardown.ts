import type { LocalCloud } from '../../emulator/server';

export default async function teardown() {
  await (globalThis as { __componentCloud?: LocalCloud }).__componentCloud?.close();
}
