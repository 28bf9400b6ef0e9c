/**
 * `councilVotes` and `councilCosigns`: one document per matter and household, `_id` =
 * `<matterId>:<householdId>`, so the database itself refuses a household's second vote or 附议.
 */
import { isDuplicate } from '../../core/db/errors';
import { database } from '../../core/platform/cloud';
import type { CosignDoc, RatingDoc, VoteDoc } from '../domain/model';

const votes = () => database().collection('councilVotes');
const cosigns = () => database().collection('councilCosigns');

export const ballotKey = (matterId: string, householdId: string) => `${matterId}:${householdId}`;

export type CountedVote = Pick<VoteDoc, '_id' | 'householdId' | 'buildingId' | 'optionId' | 'area' | 'rollId' | 'castAt'>;
const COUNTED = { _id: true, householdId: true, buildingId: true, optionId: true, area: true, rollId: true, castAt: true };

async function byId<T>(coll: ReturnType<typeof votes>, id: string): Promise<T | null> {
  const { data } = await coll.where({ _id: id }).limit(1).get();
  return (data[0] as T | undefined) ?? null;
}

/** Inserts; false when the household's document exists already. */
async function insert(coll: ReturnType<typeof votes>, doc: { _id: string }): Promise<boolean> {
  try {
    await coll.add(doc);
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}

export const votesRepo = {
  insert: (doc: VoteDoc) => insert(votes(), doc),
  get: (matterId: string, householdId: string) => byId<VoteDoc>(votes(), ballotKey(matterId, householdId)),
  count: async (matterId: string) => (await votes().where({ matterId }).count()).total,

  /** Every vote of a matter (paged by `_id`), the fields the count reads. */
  async all(matterId: string): Promise<CountedVote[]> {
    const _ = database().command;
    const out: CountedVote[] = [];
    let after = '';
    for (;;) {
      const { data } = await votes().where({ matterId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000).field(COUNTED).get();
      out.push(...(data as CountedVote[]));
      if (data.length < 1000) return out;
      after = out[out.length - 1]._id;
    }
  },
};

export const cosignsRepo = {
  insert: (doc: CosignDoc) => insert(cosigns(), doc),
  get: (matterId: string, householdId: string) => byId<CosignDoc>(cosigns(), ballotKey(matterId, householdId)),
  count: async (matterId: string) => (await cosigns().where({ matterId }).count()).total,
};

const ratings = () => database().collection('councilRatings');

/** `councilRatings`: one 评事 per matter and household (`_id`). */
export const ratingsRepo = {
  insert: (doc: RatingDoc) => insert(ratings(), doc),
  get: (matterId: string, householdId: string) => byId<RatingDoc>(ratings(), ballotKey(matterId, householdId)),
  /** Count and sum of a matter's ratings. */
  async summary(matterId: string): Promise<{ count: number; sum: number }> {
    let count = 0;
    let sum = 0;
    const _ = database().command;
    let after = '';
    for (;;) {
      const { data } = await ratings().where({ matterId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000).field({ _id: true, stars: true }).get();
      for (const r of data as Array<{ _id: string; stars: number }>) (count += 1), (sum += r.stars);
      if (data.length < 1000) return { count, sum };
      after = (data[data.length - 1] as { _id: string })._id;
    }
  },
};
