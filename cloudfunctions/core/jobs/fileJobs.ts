/**
 * Files written in the background (台账 exports, 一码通 posters): a request stores a job, a timer job
 * claims it with one conditional write (on its status and `dueAt`), writes the file to a temporary
 * folder, uploads it and records the outcome; the requester downloads it through a signed URL. A run
 * that dies leaves its lease to expire and the next run tries again, at most MAX_ATTEMPTS times.
 * Each module keeps its jobs in its own collection (`fileJobCollection`) with its own fields beside these.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page, PageRequest } from '../../../types/paging';
import type { CollectionSpec } from '../db/collections';
import { isDuplicate } from '../db/errors';
import { dueBatch } from '../db/keyset';
import { listPage } from '../db/list';
import { AppError, notFound } from '../errors';
import { cloud, database } from '../platform/cloud';
import { drain, type Tally } from './drain';

export type FileJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface FileJobDoc {
  _id: string;
  requestId: string;
  requester: { openid: string; name: string };
  status: FileJobStatus;
  /** Items (rows, posters) written so far while running, or in the finished file. */
  rows: number;
  /** Items in the file: known at the start for some jobs, at the end for others; null until then. */
  total: number | null;
  fileId: string | null;
  error: string | null;
  attempts: number;
  /** When the job should look at it: at once while queued, when the lease ends while running; null once done or failed. */
  dueAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A run holds a job this long; a run that died leaves it to the next one after that. */
export const LEASE_MS = 15 * 60_000;
/** Runs that may start on one job before it fails for good. */
export const MAX_ATTEMPTS = 3;
/** Progress is written only this often, to keep the writes few on large files. */
export const PROGRESS_EVERY_MS = 3_000;

/** The deterministic id of a caller's request: a retry with the same requestId is the same job. */
export const fileJobId = (prefix: string, openid: string, requestId: string) =>
  `${prefix}${createHash('sha256').update(`${openid}:${requestId.toLowerCase()}`).digest('hex').slice(0, 24)}`;

/** The fields a new job starts with, beside the module's own. */
export const queuedJob = (requestId: string, requester: FileJobDoc['requester'], now: Date): Omit<FileJobDoc, '_id'> => ({
  requestId,
  requester,
  status: 'queued',
  rows: 0,
  total: null,
  fileId: null,
  error: null,
  attempts: 0,
  dueAt: now,
  createdAt: now,
  startedAt: null,
  finishedAt: null,
});

/** A module's job collection and the indexes the list and the timer read by. */
export const fileJobCollection = (name: string): CollectionSpec => ({
  name,
  indexes: [
    { name: 'requester_created', keys: { 'requester.openid': 1, createdAt: -1 } },
    { name: 'due_at', keys: { dueAt: 1 } },
  ],
});

export type FileJobRepo<D extends FileJobDoc> = ReturnType<typeof fileJobRepo<D>>;

export function fileJobRepo<D extends FileJobDoc>(collection: string) {
  const coll = () => database().collection(collection);
  const repo = {
    collection,

    async get(id: string): Promise<D | null> {
      const { data } = await coll().where({ _id: id }).limit(1).get();
      return (data[0] as D | undefined) ?? null;
    },

    /** Adds it, or returns the one already made for the same id (a retried request). */
    async create(doc: D): Promise<D> {
      try {
        await coll().add(doc);
        return doc;
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        const found = await repo.get(doc._id);
        if (!found) throw error;
        return found;
      }
    },

    mine: (openid: string, page: PageRequest): Promise<Page<D>> => listPage<D>(collection, { where: { 'requester.openid': openid }, orderBy: 'createdAt' }, page),

    due: (now: Date, after: D | null, limit: number) => dueBatch<D>(collection, 'dueAt', now, after, limit),

    /** Takes it for this run if nobody else did since it was read; false when another run has it. */
    async claim(doc: D, now: Date): Promise<boolean> {
      const { updated } = await coll()
        .where({ _id: doc._id, status: doc.status, dueAt: doc.dueAt })
        .update({ status: 'running', dueAt: new Date(now.getTime() + LEASE_MS), startedAt: now, attempts: doc.attempts + 1, rows: 0, total: null, error: null });
      return updated === 1;
    },

    /** Items written so far (and the total, once known), on the running claim. */
    async progress(id: string, startedAt: Date, rows: number, total?: number): Promise<void> {
      await coll()
        .where({ _id: id, status: 'running', startedAt })
        .update(total === undefined ? { rows } : { rows, total });
    },

    async finish(id: string, startedAt: Date, outcome: Pick<FileJobDoc, 'status' | 'rows' | 'fileId' | 'error'>, now: Date): Promise<boolean> {
      const { updated } = await coll()
        .where({ _id: id, status: 'running', startedAt })
        .update({ ...outcome, total: outcome.status === 'done' ? outcome.rows : null, dueAt: null, finishedAt: now });
      return updated === 1;
    },

    /** Back to the queue after a failed run that may be tried again. */
    async requeue(id: string, startedAt: Date, error: string, now: Date): Promise<void> {
      await coll().where({ _id: id, status: 'running', startedAt }).update({ status: 'queued', dueAt: now, error });
    },
  };
  return repo;
}

/** What a write reports as it goes: items written so far, and the total when it knows it. Throttled. */
export type ReportProgress = (rows: number, total?: number) => Promise<void>;

export interface FileJobRun<D extends FileJobDoc> {
  name: string;
  repo: FileJobRepo<D>;
  /** Where the finished file goes in storage, e.g. `exports/<id>.xlsx`. */
  cloudPath: (doc: D) => string;
  /** Writes the file at `file` and returns the items written; an AppError fails the job with its message (no retry). */
  write: (doc: D, file: string, startedAt: Date, report: ReportProgress) => Promise<number>;
  /** Starts no new file after this; one already begun runs to its end (the function's timeout is longer). */
  budgetMs?: number;
  batch?: number;
}

export type FileJobTally = Tally<'done' | 'failed' | 'retried' | 'skipped'>;

/** Writes one claimed job's file and uploads it; returns the items and the fileID. */
async function writeAndUpload<D extends FileJobDoc>(run: FileJobRun<D>, doc: D, startedAt: Date): Promise<{ rows: number; fileId: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${run.repo.collection}-`));
  const cloudPath = run.cloudPath(doc);
  const file = path.join(dir, path.basename(cloudPath));
  let reported = 0;
  const report: ReportProgress = async (rows, total) => {
    if (Date.now() - reported < PROGRESS_EVERY_MS) return;
    reported = Date.now();
    await run.repo.progress(doc._id, startedAt, rows, total);
  };
  try {
    const rows = await run.write(doc, file, startedAt, report);
    const { fileID } = await cloud().uploadFile({ cloudPath, fileContent: createReadStream(file) });
    return { rows, fileId: fileID };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The timer job's body: claims and writes the due jobs of one collection. */
export function runFileJobs<D extends FileJobDoc>(run: FileJobRun<D>, now: Date): Promise<FileJobTally> {
  const { repo } = run;
  return drain<D, 'done' | 'failed' | 'retried' | 'skipped'>({
    name: run.name,
    batch: run.batch ?? 5,
    budgetMs: run.budgetMs ?? 5 * 60_000,
    next: (after, limit) => repo.due(now, after, limit),
    each: async (doc) => {
      const startedAt = new Date();
      if (!(await repo.claim(doc, startedAt))) return 'skipped';
      const attempt = doc.attempts + 1;
      if (attempt > MAX_ATTEMPTS) {
        // earlier runs died on it (out of time or memory): stop trying
        await repo.finish(doc._id, startedAt, { status: 'failed', rows: 0, fileId: null, error: '生成超时，请缩小范围后重试' }, new Date());
        return 'failed';
      }
      try {
        const { rows, fileId } = await writeAndUpload(run, doc, startedAt);
        await repo.finish(doc._id, startedAt, { status: 'done', rows, fileId, error: null }, new Date());
        return 'done';
      } catch (error) {
        console.error(JSON.stringify({ level: 'error', msg: `${run.name}: file failed`, id: doc._id, attempt, error: String((error as Error)?.stack ?? error) }));
        const reason = error instanceof AppError ? error.message : '生成失败，请稍后重试';
        if (attempt < MAX_ATTEMPTS && !(error instanceof AppError)) {
          await repo.requeue(doc._id, startedAt, reason, new Date());
          return 'retried';
        }
        await repo.finish(doc._id, startedAt, { status: 'failed', rows: 0, fileId: null, error: reason }, new Date());
        return 'failed';
      }
    },
    outcomes: ['done', 'failed', 'retried', 'skipped'],
    label: (doc) => doc._id,
  });
}

/** A signed URL of a stored file, valid for `maxAgeSeconds`; NOT_FOUND when storage no longer has it. */
export async function signedFileUrl(fileId: string, maxAgeSeconds: number): Promise<string> {
  const { fileList } = await cloud().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: maxAgeSeconds }] });
  const url = fileList[0]?.tempFileURL;
  if (!url || (fileList[0].code && fileList[0].code !== 'SUCCESS')) throw notFound('文件已不存在，请重新生成');
  return url;
}
