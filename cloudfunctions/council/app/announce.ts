/**
 * 表决通知: when a window opens, every verified resident on its roll is told, through the outbox. Read in
 * pages of the roll; each message's id is the matter's and the resident's, so a retried opening or a
 * re-applied effect sends nobody a second one.
 */
import { messagePage, routes } from '../../../types/routes';
import { outboxRepo } from '../../core/outbox/repo';
import { renderTemplate } from '../../core/outbox/templates';
import { newOutboxDoc, type OutboxDoc } from '../../core/outbox/types';
import { database } from '../../core/platform/cloud';
import type { MatterDoc } from '../domain/model';
import { rollRepo } from '../repos/roll';
import { COUNCIL_TEMPLATES } from '../templates';
import { voteNoticeId } from './ids';

const PAGE = 200;

/** Those of the messages already in the outbox (a second application of the effect). */
async function known(docs: OutboxDoc[]): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const _ = database().command;
  const { data } = await database().collection('outbox').where({ _id: _.in(docs.map((d) => d._id)) }).field({ _id: true }).limit(docs.length).get();
  return new Set((data as Array<{ _id: string }>).map((d) => d._id));
}

export async function announceVote(m: MatterDoc, rollId: string, now: Date): Promise<void> {
  if (!m.ballot) return;
  const template = COUNCIL_TEMPLATES.councilVoteOpened;
  const data = renderTemplate(template, { title: m.title, scope: `${m.scope.name}住户`, deadline: m.ballot.closesAt, note: '每户一票，请在截止前参与表决' });
  const page = messagePage(routes.councilMatter(m._id));
  const source = { collection: 'councilMatters', id: m._id };
  let after = '';
  for (;;) {
    const households = await rollRepo.page(rollId, after, PAGE);
    const docs = households.flatMap((h) => h.residents.map((openid) => newOutboxDoc(voteNoticeId(m._id, openid), { toOpenid: openid, template: 'councilVoteOpened', title: template.title, page, data }, now, source)));
    for (let i = 0; i < docs.length; i += 500) {
      const chunk = docs.slice(i, i + 500);
      const there = await known(chunk);
      await outboxRepo.insertAll(chunk.filter((d) => !there.has(d._id)));
    }
    if (households.length < PAGE) return;
    after = households[households.length - 1]._id;
  }
}
