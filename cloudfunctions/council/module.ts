/** 家园议事会: matters, their 附议, vote rolls and votes (one per household by `_id`), and each community's settings. */
import { councilContract } from '../../types/council';
import { defineModule } from '../core/module';
import { COUNCIL_EXPORT_INDEXES } from './exports';
import { COUNCIL_TEMPLATES } from './templates';

export const councilModule = defineModule({
  name: 'council',
  contract: councilContract,
  collections: [
    {
      name: 'councilMatters',
      indexes: [
        { name: 'community_stage', keys: { communityId: 1, stage: 1, updatedAt: -1 } },
        { name: 'tally_at', keys: { tallyAt: 1 } },
        { name: 'effects_pending', keys: { effectsPending: 1, _id: 1 } },
        ...COUNCIL_EXPORT_INDEXES,
      ],
    },
    // `_id` = `<matterId>:<householdId>`: the database refuses a household's second vote or 附议.
    { name: 'councilVotes', indexes: [{ name: 'matter', keys: { matterId: 1, _id: 1 } }] },
    // A vote's roll (表决名册), `_id` = `<rollId>:<householdId>`: the households that may vote, fixed at the opening.
    {
      name: 'councilRoll',
      indexes: [
        { name: 'roll', keys: { rollId: 1, _id: 1 } },
        { name: 'matter_roll', keys: { matterId: 1, rollId: 1 } },
      ],
    },
    { name: 'councilCosigns', indexes: [{ name: 'matter', keys: { matterId: 1 } }] },
    { name: 'councilRatings', indexes: [{ name: 'matter', keys: { matterId: 1, _id: 1 } }] },
    { name: 'councilComments', indexes: [{ name: 'matter_created', keys: { matterId: 1, createdAt: 1 } }] },
    // `_id` = community id: its 附议 threshold where it differs from the default.
    { name: 'councilSettings', indexes: [] },
  ],
  templates: COUNCIL_TEMPLATES,
});
