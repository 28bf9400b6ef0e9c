/** `bookingSettings`: one versioned document per community (catalogue, hours, roster, rules). */
import { commandRunner, type NotifyEffect } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import { blankSettings, settingsId, type SettingsDoc } from '../domain/model';

const settings = versionedCollection<SettingsDoc, NotifyEffect>('bookingSettings');

/** Edits go through the kernel's runner: two staff editing at once both land, or the stale page hears so. */
export const settingsCommands = commandRunner<SettingsDoc, NotifyEffect>({
  collection: settings,
  blank: (id) => blankSettings(id.replace(/^bs_/, '')),
  messages: { notFound: '找不到该社区的预约设置', stale: '预约设置刚被他人修改，已为您刷新，请确认后再保存', lostRace: '预约设置正被他人同时修改，请刷新后重试' },
});

export const settingsRepo = {
  /** The community's settings, or blank ones (no services, no hours) before the first edit. */
  async of(communityId: string): Promise<SettingsDoc> {
    return (await settings.get(settingsId(communityId))) ?? blankSettings(communityId);
  },
};
