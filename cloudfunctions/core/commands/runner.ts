/**
 * The command runner for any versioned document: read, decide (pure), one write conditional on the
 * version read that carries the change's effects, then apply the effects idempotently and clear them.
 * Losing a race re-reads and decides again (with a little jitter), so a command that still makes
 * sense succeeds and one that no longer does hears why from its own decision ("已由张丽签收"). A
 * stale `expectedVersion` from a page is a CONFLICT. `sweep` applies effects a crash left behind.
 */
import { newOutboxDoc, type OutboxMessage } from '../outbox/types';
import { outboxRepo } from '../outbox/repo';
import { conflict, notFound } from '../errors';
import { drain, type Tally } from '../jobs/drain';
import { applyChange, type Change, type EffectBase, type Versioned, type VersionedCollection } from './versioned';

/** The effect every module may use: a subscribe message into the outbox. */
export interface NotifyEffect extends EffectBase {
  kind: 'notify';
  message: OutboxMessage;
}

export interface CommandOptions<D> {
  /** The version the caller's page showed. */
  expectedVersion?: number;
  now: Date;
  /** A job passes the document it already read. */
  loaded?: D;
}

export interface RunnerSpec<D extends Versioned<E>, E extends EffectBase> {
  collection: VersionedCollection<D, E>;
  /** Applies the module's own (non-notify) effects; must be idempotent by effect id. */
  applyEffect?: (doc: D, effect: E, now: Date) => Promise<void>;
  /** A blank document to create when a command finds none (settings documents); absent: NOT_FOUND. */
  blank?: (id: string, now: Date) => D;
  messages: { notFound: string; stale: string; lostRace: string };
}

/** How long a command keeps retrying a lost race before it gives up with `lostRace`. */
const RACE_BUDGET_MS = 10_000;
/** Effects younger than this are probably being applied by their command right now. */
const SWEEP_GRACE_MS = 30_000;

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));

const isNotify = (e: EffectBase): e is NotifyEffect => e.kind === 'notify';
const notices = <E extends EffectBase>(effects: E[]): NotifyEffect[] => effects.filter(isNotify) as unknown as NotifyEffect[];

export function commandRunner<D extends Versioned<E>, E extends EffectBase>(spec: RunnerSpec<D, E>) {
  const { collection, messages } = spec;

  /** Applies a document's pending effects and clears them. Failures are logged: the sweep retries. */
  async function flush(doc: D, now: Date): Promise<boolean> {
    if (doc.effects.length === 0) return true;
    try {
      const outbox = notices(doc.effects).map((e) => newOutboxDoc(e.id, e.message, now, { collection: collection.name, id: doc._id }));
      await Promise.all([
        outboxRepo.insertAll(outbox),
        ...doc.effects.filter((e) => !isNotify(e)).map((e) => (spec.applyEffect ? spec.applyEffect(doc, e, now) : Promise.resolve())),
      ]);
      await collection.clearEffects(doc._id, doc.version);
      return true;
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'effects failed; the sweep will retry', collection: collection.name, id: doc._id, error: String((error as Error)?.stack ?? error) }));
      return false;
    }
  }

  async function read(id: string, now: Date): Promise<D> {
    const doc = await collection.get(id);
    if (doc) return doc;
    if (!spec.blank) throw notFound(messages.notFound);
    await collection.insert(spec.blank(id, now)); // false: created by a racing command, read it
    const created = await collection.get(id);
    if (!created) throw notFound(messages.notFound);
    return created;
  }

  return {
    flush,

    /**
     * Runs one command. A decision of null means the document already is as asked (e.g. followed
     * twice): nothing is written and the document is returned as read.
     */
    async run(id: string, options: CommandOptions<D>, decide: (doc: D) => Change<D, E> | null | Promise<Change<D, E> | null>): Promise<D> {
      const { expectedVersion, now } = options;
      let loaded = options.loaded;
      const started = Date.now();
      for (let attempt = 0; attempt === 0 || Date.now() - started < RACE_BUDGET_MS; attempt += 1) {
        if (attempt > 0) await pause(attempt);
        const doc = loaded ?? (await read(id, now));
        loaded = undefined;
        // Decided first, so that a stale page still hears the specific reason.
        const change = await decide(doc);
        if (!change) return doc;
        if (expectedVersion !== undefined && doc.version !== expectedVersion) throw conflict(messages.stale);
        if (await collection.commit(doc._id, doc.version, change, now)) {
          const after = applyChange(doc, change, now);
          await flush(after, now);
          return after;
        }
      }
      throw conflict(messages.lostRace);
    },

    /**
     * Inserts a new document with its effects and applies them. A retry (same `_id`) gets the stored
     * one, its effects re-applied; null when another document holds one of its unique keys.
     */
    async create(doc: D, now: Date): Promise<D | null> {
      const stored = (await collection.insert(doc)) ? doc : await collection.get(doc._id);
      if (stored) await flush(stored, now);
      return stored;
    },

    /** Applies the effects that crashed or failed commands left behind, past any that keep failing. */
    sweep(now: Date): Promise<Tally<'flushed' | 'retrying'>> {
      const before = new Date(now.getTime() - SWEEP_GRACE_MS);
      return drain<D, 'flushed' | 'retrying'>({
        name: `sweep ${collection.name} effects`,
        next: (after, limit) => collection.pending(before, after, limit),
        each: async (doc) => ((await flush(doc, now)) ? 'flushed' : 'retrying'),
        outcomes: ['flushed', 'retrying'],
        label: (doc) => doc._id,
      });
    },
  };
}

export type CommandRunner<D extends Versioned<E>, E extends EffectBase> = ReturnType<typeof commandRunner<D, E>>;
