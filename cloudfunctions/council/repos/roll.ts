/**
 * `councilRoll`: a vote's roll, one document per household, `_id` = `<rollId>:<householdId>`. Written in
 * batches before the window opens; documents of a roll no opening names are dropped.
 */
import { database } from '../../core/platform/cloud';
import type { RollDoc } from '../domain/model';

const roll = () => database().collection('councilRoll');
const BATCH = 500;

export const rollKey = (rollId: string, householdId: string) => `${rollId}:${householdId}`;

export const rollRepo = {
  async write(docs: RollDoc[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) await roll().add(docs.slice(i, i + BATCH));
  },

  async get(rollId: string, householdId: string): Promise<RollDoc | null> {
    const { data } = await roll().where({ _id: rollKey(rollId, householdId) }).limit(1).get();
    return (data[0] as RollDoc | undefined) ?? null;
  },

  /** A roll's households in `_id` order after the cursor. */
  async page(rollId: string, after: string, limit: number): Promise<RollDoc[]> {
    const _ = database().command;
    const { data } = await roll().where({ rollId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(limit).get();
    return data as RollDoc[];
  },

  /** Drops a roll no opening will name (a lost or failed attempt). */
  async discard(rollId: string): Promise<void> {
    await roll().where({ rollId }).remove();
  },

  /** Drops every roll of the matter but the one its open window names (left by crashed attempts). */
  async discardOthers(matterId: string, keep: string): Promise<void> {
    const _ = database().command;
    await roll().where({ matterId, rollId: _.neq(keep) }).remove();
  },
};
