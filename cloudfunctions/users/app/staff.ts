/** A verification a staff member may act on: its household's building is in their jurisdiction. */
import { coversPlace } from '../../core/auth/jurisdiction';
import type { Caller } from '../../core/auth/caller';
import { forbidden, notFound } from '../../core/errors';
import type { ResidenceDoc } from '../domain/residence';
import { residencesRepo } from '../repos/residences';

export async function staffResidence(caller: Caller, openid: string): Promise<ResidenceDoc> {
  const doc = await residencesRepo.get(openid);
  if (!doc) throw notFound('找不到该认证申请');
  if (!coversPlace(caller, doc)) throw forbidden('该住户不在您的辖区内');
  return doc;
}
