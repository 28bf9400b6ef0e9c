/** One subscribe message to deliver; `data` is already rendered (keys → cut values). */
export interface OutboxMessage {
  toOpenid: string;
  /** The template's key in its module's templates; its id comes from `JIAYUAN_TMPL_<KEY>`. */
  template: string;
  /** The template's title, for the local message log. */
  title: string;
  /** The mini-program page the card opens, with its query. */
  page: string;
  data: Record<string, string>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

/** A document of the `outbox` collection. Its `_id` is the message id: a sink never takes one twice. */
export interface OutboxDoc extends OutboxMessage {
  _id: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseId: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** What produced it, e.g. { collection: 'appeals', id }. */
  source: { collection: string; id: string } | null;
}

/** A document of the local `messageLog` collection (what the dev UI lists). */
export interface MessageLogDoc {
  _id: string;
  toOpenid: string;
  template: string;
  title: string;
  page: string;
  data: Record<string, { value: string }>;
  createdAt: Date;
}

export function newOutboxDoc(id: string, message: OutboxMessage, now: Date, source: OutboxDoc['source'] = null): OutboxDoc {
  return {
    _id: id,
    ...message,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseId: null,
    leaseUntil: null,
    lastError: null,
    createdAt: now,
    sentAt: null,
    source,
  };
}
