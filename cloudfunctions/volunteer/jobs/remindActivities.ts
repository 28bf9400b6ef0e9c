/** 活动提醒: once, before the start, to everyone signed up (through the outbox, in the activity's own write). */
import { drain, type Tally } from '../../core/jobs/drain';
import type { ActivityDoc } from '../domain/model';
import { reminderNotices } from '../domain/notices';
import { activitiesRepo, activityCommands } from '../repos/activities';

export function remindActivities(now: Date): Promise<Tally<'reminded' | 'skipped'>> {
  return drain<ActivityDoc, 'reminded' | 'skipped'>({
    name: 'remind volunteer activities',
    next: (after, limit) => activitiesRepo.dueReminders(now, after, limit),
    each: async (loaded) => {
      let sent = false;
      await activityCommands.run(loaded._id, { now, loaded }, (a) => {
        if (!a.remindAt || a.remindAt > now) return null;
        sent = a.status === 'published' && a.start > now && a.seated.length > 0;
        return { set: { remindAt: null }, effects: sent ? reminderNotices(a, a.version + 1) : [] };
      });
      return sent ? 'reminded' : 'skipped';
    },
    outcomes: ['reminded', 'skipped'],
    label: (a) => a._id,
  });
}
