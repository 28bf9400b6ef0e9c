/** The services of a community: the one given, the one of a scanned building code, or the household's. */
import type { bookingContract } from '../../../types/booking';
import { invalid } from '../../core/errors';
import { orgRepo } from '../../core/repos/org';
import type { Handler } from '../../core/router';
import { communityOf, refOf } from '../app/community';
import { serviceView, sessionView } from '../domain/views';
import { settingsRepo } from '../repos/settings';

async function communityIdOf(input: { communityId?: string; buildingCode?: string }, householdBuildingId: string | null): Promise<string> {
  if (input.communityId) return input.communityId;
  if (input.buildingCode) return (await orgRepo.buildingOfCode(input.buildingCode)).communityId;
  const home = householdBuildingId ? await orgRepo.building(householdBuildingId) : null;
  if (home) return home.communityId;
  throw invalid('buildingCode', '请先扫描楼栋二维码或绑定住址');
}

export const services: Handler<typeof bookingContract.services> = async (input, { caller }) => {
  const community = await communityOf(await communityIdOf(input, caller.householdBuildingId));
  const settings = await settingsRepo.of(community._id);
  return {
    community: refOf(community),
    services: settings.services.filter((s) => s.active).map(serviceView),
    sessions: settings.sessions.map(sessionView),
  };
};
