/** Runs a transition of the state machine on a matter (the kernel's runner), its log entry appended. */
import type { MatterDoc } from '../domain/model';
import { logged, type Transition } from '../domain/stages';
import { matterCommands } from '../repos/matters';

export function runMatter(id: string, options: { now: Date; expectedVersion?: number; loaded?: MatterDoc }, decide: (m: MatterDoc) => Transition | null | Promise<Transition | null>): Promise<MatterDoc> {
  return matterCommands.run(id, options, async (m) => {
    const t = await decide(m);
    if (!t) return null;
    const push: { log?: unknown[]; progress?: unknown[] } = {};
    if (logged(t)) push.log = [t.log];
    if (t.progress?.length) push.progress = t.progress;
    return { set: t.set, push: Object.keys(push).length ? push : undefined, effects: [] };
  });
}
