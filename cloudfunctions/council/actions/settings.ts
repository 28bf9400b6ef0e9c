/** 议事设置: a community's 附议 threshold — read by its staff and those above, changed by its community staff. */
import { DEFAULT_COSIGN_THRESHOLD, type CouncilSettingsView } from '../../../types/council.constants';
import type { councilContract } from '../../../types/council';
import type { OrgUnit } from '../../../types/org';
import type { Caller } from '../../core/auth/caller';
import { communityInReach } from '../../core/auth/reach';
import { forbidden } from '../../core/errors';
import type { Handler } from '../../core/router';
import { personOf } from '../app/actor';
import { saveThreshold, thresholdOf } from '../repos/matters';

const editable = (caller: Caller, community: OrgUnit) =>
  caller.roles.includes('community_staff') && caller.jurisdiction?.level === 'community' && caller.jurisdiction.unitIds.includes(community._id);

async function viewOf(caller: Caller, community: OrgUnit): Promise<CouncilSettingsView> {
  return { communityId: community._id, communityName: community.name, cosignThreshold: await thresholdOf(community._id, DEFAULT_COSIGN_THRESHOLD), canEdit: editable(caller, community) };
}

export const settings: Handler<typeof councilContract.settings> = async ({ communityId }, { caller }) => viewOf(caller, await communityInReach(caller, communityId));

export const saveSettings: Handler<typeof councilContract.saveSettings> = async ({ communityId, cosignThreshold }, { caller, now }) => {
  const community = await communityInReach(caller, communityId);
  if (!editable(caller, community)) throw forbidden('只有本社区工作人员可以修改议事设置');
  await saveThreshold(community._id, cosignThreshold, personOf(caller), now);
  return viewOf(caller, community);
};
