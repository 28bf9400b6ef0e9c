/** 有呼必应: appeals, their counters and bulletin, communities' routing rules, and their messages. */
import { appealsContract } from '../../types/appeals';
import { defineModule } from '../core/module';
import { APPEAL_EXPORT_INDEXES } from './exports';
import { APPEAL_TEMPLATES } from './templates';

export const appealsModule = defineModule({
  name: 'appeals',
  contract: appealsContract,
  collections: [
    // every list query starts with an equality on the first key
    {
      name: 'appeals',
      indexes: [
        { name: 'community_activity', keys: { 'place.communityId': 1, lastActivityAt: -1 } },
        { name: 'grid_activity', keys: { 'place.gridId': 1, lastActivityAt: -1 } },
        { name: 'street_activity', keys: { 'place.streetId': 1, lastActivityAt: -1 } },
        { name: 'district_activity', keys: { 'place.districtId': 1, lastActivityAt: -1 } },
        { name: 'property_activity', keys: { propertyCompanyId: 1, lastActivityAt: -1 } },
        { name: 'holder_activity', keys: { holderKey: 1, lastActivityAt: -1 } },
        { name: 'handler_activity', keys: { 'handler.openid': 1, lastActivityAt: -1 } },
        { name: 'first_responder_activity', keys: { 'firstResponder.openid': 1, lastActivityAt: -1 } },
        { name: 'resident_filed', keys: { 'resident.openid': 1, filedAt: -1 } },
        { name: 'followers', keys: { followers: 1 } },
        { name: 'building_category_filed', keys: { 'place.buildingId': 1, category: 1, filedAt: -1 } },
        { name: 'escalate_at', keys: { escalateAt: 1 } },
        { name: 'warn_notice_at', keys: { warnNoticeAt: 1 } },
        { name: 'auto_close_at', keys: { autoCloseAt: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
        { name: 'no', keys: { no: 1 }, unique: true },
        ...APPEAL_EXPORT_INDEXES, // 台账导出: (unit, filedAt, _id) keyset pages
      ],
    },
    { name: 'appealStats', indexes: [{ name: 'unit_day', keys: { unitId: 1, day: 1 } }, { name: 'parent_day', keys: { parentId: 1, day: 1 } }] },
    {
      name: 'appealBulletin',
      indexes: [
        { name: 'grid_at', keys: { gridId: 1, at: -1 } },
        { name: 'community_at', keys: { communityId: 1, at: -1 } },
        { name: 'street_at', keys: { streetId: 1, at: -1 } },
        { name: 'district_at', keys: { districtId: 1, at: -1 } },
      ],
    },
    { name: 'appealRouting', indexes: [] },
  ],
  templates: APPEAL_TEMPLATES,
});
