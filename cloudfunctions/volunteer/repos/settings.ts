/** `volunteerSettings`: a community's hours rule (`_id` = community id); absent means the default. */
import { DEFAULT_HOURS_RULE, type HoursRule } from '../../../types/volunteer.constants';
import { database } from '../../core/platform/cloud';
import type { Person, SettingsDoc } from '../domain/model';

const settings = () => database().collection('volunteerSettings');

export const settingsRepo = {
  async rules(communityIds: string[]): Promise<Map<string, HoursRule>> {
    const out = new Map<string, HoursRule>();
    const ids = [...new Set(communityIds)];
    if (ids.length === 0) return out;
    const { data } = await settings().where({ _id: database().command.in(ids) }).limit(1000).get();
    for (const d of data as SettingsDoc[]) out.set(d._id, d.hoursRule);
    return out;
  },

  async rule(communityId: string): Promise<HoursRule> {
    return (await this.rules([communityId])).get(communityId) ?? DEFAULT_HOURS_RULE;
  },

  async setRule(communityId: string, hoursRule: HoursRule, by: Person, now: Date): Promise<void> {
    await settings().doc(communityId).set({ hoursRule, updatedAt: now, updatedBy: by });
  },
};
