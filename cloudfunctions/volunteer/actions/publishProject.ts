/** Community staff publish a yearly service commitment (内容、责任主体、完成时间) on the board. */
import { randomUUID } from 'node:crypto';
import type { volunteerContract } from '../../../types/volunteer';
import { invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import type { ProjectDoc } from '../domain/model';
import { monthOf } from '../domain/units';
import { projectsRepo } from '../repos/units';
import { personOf, staffCommunity } from '../app/access';
import { projectViews } from '../app/units';

export const publishProject: Handler<typeof volunteerContract.publishProject> = async (input, { caller, now }) => {
  const community = await staffCommunity(caller, input.communityId);
  const today = monthOf(now).year;
  if (input.dueDay < new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)) throw invalid('dueDay', '完成时间不能早于今天');
  if (input.dueDay.slice(0, 4) !== today) throw invalid('dueDay', `完成时间须在${today}年内`);
  const doc: ProjectDoc = {
    _id: `vp-${randomUUID()}`,
    communityId: community._id,
    communityPath: community.path,
    year: today,
    content: input.content,
    owner: input.owner,
    dueDay: input.dueDay,
    unit: null,
    progress: [],
    version: 1,
    createdBy: personOf(caller),
    createdAt: now,
  };
  await projectsRepo.insert(doc);
  const [view] = await projectViews([doc], () => true);
  return view;
};
