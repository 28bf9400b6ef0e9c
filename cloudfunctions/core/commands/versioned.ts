/**
 * A collection of versioned documents: every change is one write conditional on `version`, carrying
 * the effects it causes (`effects`, `effectsPending`, `effectsAt`) in the same document write. The
 * only code that writes such documents; `runner.ts` decides what to write.
 */
import { isDuplicate } from '../db/errors';
import { replacing } from '../db/update';
import { database } from '../platform/cloud';

export interface EffectBase {
  /** Unique per effect: `<doc id>_v<version>_<n>`, so applying it twice is recognisable. */
  id: string;
  kind: string;
}

export interface Versioned<E extends EffectBase = EffectBase> {
  _id: string;
  version: number;
  /** Written with the change, applied after it, then cleared. */
  effects: E[];
  effectsPending: boolean;
  /** When the pending effects were written: the sweep leaves young ones to their own command. */
  effectsAt?: Date | null;
}

/** What a command writes: fields to set, entries to append to array fields, effects to apply after. */
export interface Change<D, E extends EffectBase> {
  set: Partial<D>;
  push?: Partial<Record<Extract<keyof D, string>, unknown[]>>;
  effects: E[];
}

/** The document as it is after the change (what the conditional write makes of it). */
export function applyChange<D extends Versioned<E>, E extends EffectBase>(doc: D, change: Change<D, E>, now: Date): D {
  const after: D = { ...doc, ...change.set, version: doc.version + 1 };
  for (const [field, entries] of Object.entries(change.push ?? {}) as Array<[keyof D, unknown[]]>) {
    after[field] = [...((doc[field] as unknown[]) ?? []), ...entries] as D[keyof D];
  }
  if (change.effects.length > 0) {
    after.effects = [...doc.effects, ...change.effects];
    after.effectsPending = true;
    after.effectsAt = now;
  }
  return after;
}

export interface PendingCursor {
  _id: string;
}

export function versionedCollection<D extends Versioned<E>, E extends EffectBase>(name: string) {
  const coll = () => database().collection(name);
  const _ = () => database().command;
  return {
    name,

    async get(id: string): Promise<D | null> {
      const { data } = await coll().where({ _id: id }).limit(1).get();
      return (data[0] as D | undefined) ?? null;
    },

    /** Inserts a new document; false when one with the same `_id` exists (a retry, or a racing twin). */
    async insert(doc: D): Promise<boolean> {
      try {
        await coll().add(doc);
        return true;
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
    },

    /** Writes the change only if the document is still at `version`; false when someone got there first. */
    async commit(id: string, version: number, change: Change<D, E>, now: Date): Promise<boolean> {
      const data: Record<string, unknown> = replacing(change.set as Record<string, unknown>);
      for (const key of ['_id', 'effects', 'effectsPending', 'effectsAt']) delete data[key];
      data.version = version + 1;
      for (const [field, entries] of Object.entries(change.push ?? {}) as Array<[string, unknown[]]>) {
        if (entries.length > 0) data[field] = _().push(entries);
      }
      if (change.effects.length > 0) {
        data.effects = _().push(change.effects);
        data.effectsPending = true;
        data.effectsAt = now;
      }
      const { updated } = await coll().where({ _id: id, version }).update(data);
      return updated === 1;
    },

    /** Drops applied effects, unless the document moved on meanwhile (its next writer re-applies them, idempotently). */
    async clearEffects(id: string, version: number): Promise<void> {
      await coll().where({ _id: id, version }).update({ effects: _().set([]), effectsPending: false, effectsAt: null });
    },

    /** Documents with effects written before `before`, in `_id` order after the cursor. */
    async pending(before: Date, after: PendingCursor | null, limit: number): Promise<D[]> {
      const where: Record<string, unknown> = { effectsPending: true, effectsAt: _().lte(before) };
      if (after) where._id = _().gt(after._id);
      const { data } = await coll().where(where).orderBy('_id', 'asc').limit(limit).get();
      return data as D[];
    },
  };
}

export type VersionedCollection<D extends Versioned<E>, E extends EffectBase> = ReturnType<typeof versionedCollection<D, E>>;
