/** 我的服务记录: every record, hours by each community's rule, totals this year and half-year. */
import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { serviceRecord } from '../domain/record';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';
import { personOf } from '../app/access';

export const myRecord: Handler<typeof volunteerContract.myRecord> = async (_input, { caller, now }) => {
  const records = await recordsRepo.ofPerson(caller.openid);
  const rules = await settingsRepo.rules(records.map((r) => r.communityId));
  return serviceRecord(personOf(caller).name, records, rules, now);
};
