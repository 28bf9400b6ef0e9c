/** A matter the caller may see: a held one only by its raiser and the staff who manage it. */
import type { Caller } from '../../core/auth/caller';
import { notFound } from '../../core/errors';
import type { MatterDoc } from '../domain/model';
import { mattersRepo } from '../repos/matters';
import { manages } from './actor';

export async function loadMatter(id: string, caller: Caller): Promise<MatterDoc> {
  const m = await mattersRepo.get(id);
  if (!m || (m.stage === 'review' && m.raisedBy.openid !== caller.openid && !manages(caller, m))) throw notFound('找不到该议题');
  return m;
}
