/** Community staff: the party members reported to the community (双报到) and whether each served this half-year. */
import type { volunteerContract } from '../../../types/volunteer';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { halfLabel, halfYearRange, periodsOf } from '../domain/hours';
import { recordItems } from '../domain/record';
import { declarationsRepo } from '../repos/declarations';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';
import { communityFor, isStaffOf } from '../app/access';

export const reportedMembers: Handler<typeof volunteerContract.reportedMembers> = async (input, { caller, now }) => {
  const community = await communityFor(caller, input.communityId);
  if (!isStaffOf(caller, community.path)) throw forbidden('该社区不在您的辖区内');
  const { half } = periodsOf(now);
  const { from, until } = halfYearRange(half);
  const declared = await declarationsRepo.ofCommunity(community._id);
  const records = await recordsRepo.ofPeopleBetween(declared.map((d) => d._id), from, until);
  const rules = await settingsRepo.rules(records.map((r) => r.communityId));
  const members = declared
    .map((d) => {
      // Each person's own records: overlaps are theirs to count once.
      const served = recordItems(records.filter((r) => r.openid === d._id), rules).filter((i) => i.hours > 0);
      const hours = Math.round(served.reduce((s, i) => s + i.hours, 0) * 100) / 100;
      return { openid: d._id, name: d.name, unit: d.unit, activities: served.length, hours, done: served.length > 0 };
    })
    .sort((a, b) => Number(a.done) - Number(b.done) || a.name.localeCompare(b.name, 'zh'));
  return { community: { id: community._id, name: community.name }, halfYear: { key: half, label: halfLabel(half) }, members, done: members.filter((m) => m.done).length };
};
