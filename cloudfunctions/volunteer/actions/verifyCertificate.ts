/** Checks a 志愿服务证明 by its code: what it states, as issued. */
import type { volunteerContract } from '../../../types/volunteer';
import { notFound } from '../../core/errors';
import type { Handler } from '../../core/router';
import { certificatesRepo } from '../repos/declarations';
import { stripOwner } from './issueCertificate';

export const verifyCertificate: Handler<typeof volunteerContract.verifyCertificate> = async (input) => {
  const doc = await certificatesRepo.get(input.code);
  if (!doc) throw notFound('验证码不正确，或该证明不存在');
  const { _id, ...rest } = doc;
  return { code: _id, ...stripOwner(rest) };
};
