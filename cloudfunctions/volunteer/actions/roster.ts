/** 签到表: the activity's roster with check-in/out, hours by the community's rule and each record's history. */
import type { volunteerContract } from '../../../types/volunteer';
import { volunteerScanText } from '../../../types/volunteer.constants';
import { qrPngDataUrl } from '../../core/qr';
import type { Handler } from '../../core/router';
import { rosterRows } from '../domain/views';
import { recordsRepo } from '../repos/records';
import { settingsRepo } from '../repos/settings';
import { managedActivity } from '../app/access';
import { viewFor } from '../app/view';

export const roster: Handler<typeof volunteerContract.roster> = async (input, { caller, now }) => {
  const a = await managedActivity(caller, input.id);
  const [records, rule, activity] = await Promise.all([recordsRepo.ofActivity(a._id), settingsRepo.rule(a.communityId), viewFor(caller, a, now)]);
  const codeQr = await qrPngDataUrl(volunteerScanText(a._id, a.code));
  return { activity, codeQr, rows: rosterRows(a, new Map(records.map((r) => [r.openid, r])), rule), rule };
};
