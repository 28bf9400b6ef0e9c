/**
 * 志愿服务: teams and memberships, activities with their rosters, service records, each community's
 * hours rule, 双报到 declarations and certificates. Where each promise is kept:
 *  - exact capacity, an ordered waiting list, one promotion per freed seat: the roster lives in the
 *    activity document and changes only by writes conditional on its version (domain/roster.ts);
 *  - a retried sign-up never signs up twice: one roster entry per person, and a cancelled entry's
 *    request id is kept (`left`), so its late retry changes nothing;
 *  - check-in/out once each: writes conditional on the record's version, refused when already set;
 *  - one membership, one record, one declaration per person: deterministic `_id`s;
 *  - overlapping activities count once: hours are computed per person over all their records
 *    (domain/hours.ts), never stored per record.
 */
import { volunteerContract } from '../../types/volunteer';
import { defineModule } from '../core/module';
import { VOLUNTEER_EXPORT_INDEXES } from './exports';
import { VOLUNTEER_TEMPLATES } from './templates';

export const volunteerModule = defineModule({
  name: 'volunteer',
  contract: volunteerContract,
  collections: [
    {
      name: 'volunteerTeams',
      indexes: [
        { name: 'community_order', keys: { communityId: 1, order: 1 } },
        { name: 'leader', keys: { 'leader.openid': 1 } },
        { name: 'unit', keys: { 'unit.id': 1 } },
      ],
    },
    {
      // `_id` = `<teamId>_<openid>`: one membership per person and team.
      name: 'volunteerMembers',
      indexes: [
        { name: 'team_status', keys: { teamId: 1, status: 1 } },
        { name: 'team_at', keys: { teamId: 1, at: 1 } },
        { name: 'openid', keys: { openid: 1 } },
      ],
    },
    {
      // The roster lives in the activity: capacity and the waiting list change by conditional writes only.
      name: 'volunteerActivities',
      indexes: [
        { name: 'community_status_start', keys: { communityId: 1, status: 1, start: 1 } },
        { name: 'community_end', keys: { communityId: 1, end: 1 } },
        { name: 'team_end', keys: { teamId: 1, end: 1 } },
        { name: 'unit_start', keys: { unitId: 1, start: 1 } },
        { name: 'remind_at', keys: { remindAt: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
      ],
    },
    {
      // `_id` = `<activityId>_<openid>`: one record per person and activity.
      name: 'volunteerRecords',
      indexes: [
        { name: 'openid_start', keys: { openid: 1, start: -1 } },
        { name: 'activity', keys: { activityId: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
        ...VOLUNTEER_EXPORT_INDEXES,
      ],
    },
    { name: 'volunteerSettings', indexes: [] },
    // `_id` = openid: one 双报到 declaration per person. `countedIn` and `servedHalf` answer "who is behind"
    // for a community, street or district: counts from the index alone, members a keyset page (by _id) at a time.
    {
      name: 'volunteerDeclarations',
      indexes: [
        { name: 'community', keys: { communityId: 1 } },
        { name: 'unit', keys: { unitId: 1 } },
        { name: 'in_community_served', keys: { 'countedIn.communityId': 1, servedHalf: 1 } },
        { name: 'in_community_id', keys: { 'countedIn.communityId': 1, _id: 1 } },
        { name: 'in_street_served', keys: { 'countedIn.streetId': 1, servedHalf: 1 } },
        { name: 'in_street_id', keys: { 'countedIn.streetId': 1, _id: 1 } },
        { name: 'in_district_served', keys: { 'countedIn.districtId': 1, servedHalf: 1 } },
        { name: 'in_district_id', keys: { 'countedIn.districtId': 1, _id: 1 } },
      ],
    },
    // `_id` = `vu-<hash of community and name>`: one unit of a name per community.
    { name: 'volunteerUnits', indexes: [{ name: 'path_name', keys: { communityPath: 1, name: 1 } }] },
    {
      name: 'volunteerProjects',
      indexes: [
        { name: 'community_year_due', keys: { communityId: 1, year: 1, dueDay: 1 } },
        { name: 'unit_year', keys: { 'unit.id': 1, year: 1 } },
      ],
    },
    // `_id` = the verification code (unique by construction).
    { name: 'volunteerCertificates', indexes: [{ name: 'openid_issued', keys: { openid: 1, issuedAt: -1 } }] },
  ],
  templates: VOLUNTEER_TEMPLATES,
});
