/**
 * "The activity is under way": a volunteer activity seeded days ahead is moved so that it started a
 * while ago and ends soon, so check-in and check-out (open only ±30 min around it) run at any hour.
 * The records made at sign-up keep a copy of the activity's time (hours are clipped to it): they move
 * with it. And "she checked in an hour ago": a stored check-in moved back, so the hours a check-out
 * gives now are not zero. Nothing else about the activity, its roster or its records changes.
 */
import type { Database } from '../../cloudfunctions/core/platform/cloud';

const MINUTE = 60_000;

interface Timed {
  start: Date;
  end: Date;
}

interface HistoryEntry {
  at: Date;
  kind: string;
  checkInAt: Date | null;
}

/** Moves the activity (and its records' copies of its time) to [now − startedMinutesAgo, now + endsInMinutes]. */
export async function underwayNow(db: Database, activityId: string, { startedMinutesAgo, endsInMinutes }: { startedMinutesAgo: number; endsInMinutes: number }, now = Date.now()): Promise<Timed> {
  const activities = db.collection('volunteerActivities');
  const [doc] = (await activities.doc(activityId).get()).data as Timed[];
  if (!doc) throw new Error(`no activity ${activityId}`);
  const start = new Date(now - startedMinutesAgo * MINUTE);
  const end = new Date(now + endsInMinutes * MINUTE);
  await activities.doc(activityId).update({ start, end, remindAt: null });
  const { data: records } = await db.collection('volunteerRecords').where({ activityId }).limit(1000).get();
  for (const r of records as Array<{ _id: string }>) {
    await db.collection('volunteerRecords').doc(r._id).update({ start, 'activity.start': start, 'activity.end': end });
  }
  return { start, end };
}

/** Moves a stored check-in (and its history entry) back to `at`: the volunteer arrived then. */
export async function checkedInAt(db: Database, activityId: string, openid: string, at: Date): Promise<void> {
  const id = `${activityId}_${openid}`;
  const records = db.collection('volunteerRecords');
  const [doc] = (await records.doc(id).get()).data as Array<{ checkInAt: Date | null; history: HistoryEntry[] }>;
  if (!doc?.checkInAt) throw new Error(`${openid} has not checked in to ${activityId}`);
  const history = doc.history.map((h) => (h.kind === 'check_in' ? { ...h, at, checkInAt: at } : h));
  await records.doc(id).update({ checkInAt: at, history });
}
