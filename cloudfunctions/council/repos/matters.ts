/**
 * The `councilMatters` collection: versioned matters, every change the kernel runner's write
 * conditional on `version`. The only code that knows its shape.
 */
import type { MatterStage } from '../../../types/council.constants';
import type { Page, PageRequest } from '../../../types/paging';
import { commandRunner } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';
import { announceVote } from '../app/announce';
import type { MatterDoc, MatterEffect } from '../domain/model';

export const mattersCollection = versionedCollection<MatterDoc, MatterEffect>('councilMatters');

export const matterCommands = commandRunner<MatterDoc, MatterEffect>({
  collection: mattersCollection,
  applyEffect: async (doc, effect, now) => {
    if (effect.kind === 'announce') await announceVote(doc, effect.rollId, now);
  },
  messages: { notFound: '找不到该议题', stale: '该议题刚刚有了变化，请刷新后再操作', lostRace: '该议题正被多人同时处理，请稍后重试' },
});

export const mattersRepo = {
  get: (id: string) => mattersCollection.get(id),

  board(communityId: string, stages: readonly MatterStage[], page: PageRequest): Promise<Page<MatterDoc>> {
    const _ = database().command;
    return listPage<MatterDoc>('councilMatters', { where: { communityId, stage: _.in([...stages]) }, orderBy: 'updatedAt', direction: 'desc' }, page);
  },
};

/** Sets a community's 附议 threshold (a settings document per community; matters raised later use it). */
export async function saveThreshold(communityId: string, cosignThreshold: number, by: { openid: string; name: string }, now: Date): Promise<void> {
  await database().collection('councilSettings').doc(communityId).set({ cosignThreshold, updatedBy: by, updatedAt: now });
}

/** Each community's council settings (the 附议 threshold), where a community changed the default. */
export async function thresholdOf(communityId: string, fallback: number): Promise<number> {
  const { data } = await database().collection('councilSettings').where({ _id: communityId }).limit(1).get();
  const value = (data[0] as { cosignThreshold?: unknown } | undefined)?.cosignThreshold;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}
