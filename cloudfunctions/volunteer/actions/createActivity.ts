/**
 * A leader (for their team) or community staff create an activity, published at once or kept as a
 * draft. Idempotent: the `_id` comes from the creator and the request id.
 */
import { createHash } from 'node:crypto';
import type { volunteerContract } from '../../../types/volunteer';
import { VOLUNTEER_LIMITS } from '../../../types/volunteer.constants';
import { invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import type { ActivityDoc } from '../domain/model';
import { activityCommands } from '../repos/activities';
import { managedTeam, personOf } from '../app/access';
import { newCheckCode } from '../app/code';
import { viewFor } from '../app/view';

const DAY_MS = 86_400_000;

export const remindAtOf = (start: Date, now: Date): Date | null => {
  const at = new Date(start.getTime() - VOLUNTEER_LIMITS.reminderMinutes * 60_000);
  return start > now ? (at > now ? at : now) : null;
};

export const createActivity: Handler<typeof volunteerContract.createActivity> = async (input, { caller, now, screening }) => {
  const { team, community } = await managedTeam(caller, input.teamId);
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (start <= now) throw invalid('start', '开始时间须晚于现在');
  if (start.getTime() - now.getTime() > VOLUNTEER_LIMITS.horizonDays * DAY_MS) throw invalid('start', `只能发布${VOLUNTEER_LIMITS.horizonDays}天内的活动`);
  const me = personOf(caller);
  const publish = input.publish && screening === 'pass';
  const id = `va${createHash('sha256').update(`activity:${me.openid}:${input.requestId.toLowerCase()}`).digest('hex').slice(0, 24)}`;
  const doc: ActivityDoc = {
    _id: id,
    communityId: community._id,
    communityName: community.name,
    communityPath: community.path,
    teamId: team._id,
    teamName: team.name,
    leaderOpenid: team.leader.openid,
    unitId: team.unit?.id ?? null,
    title: input.title,
    type: input.type,
    description: input.description ?? '',
    place: input.place,
    start,
    end,
    capacity: input.capacity,
    requirements: [...new Set(input.requirements)],
    // Text waiting for review is not shown to residents: the activity stays a draft until published.
    status: publish ? 'published' : 'draft',
    cancelReason: null,
    code: newCheckCode(),
    seated: [],
    waiting: [],
    left: [],
    seatedCount: 0,
    waitingCount: 0,
    remindAt: publish ? remindAtOf(start, now) : null,
    createdBy: me,
    createdAt: now,
    version: 1,
    effects: [],
    effectsPending: false,
  };
  const stored = await activityCommands.create(doc, now);
  if (!stored) throw new Error(`activity ${id} neither inserted nor found`);
  return viewFor(caller, stored, now);
};
