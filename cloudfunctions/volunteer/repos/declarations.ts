/** `volunteerDeclarations` (双报到, `_id` = openid: one per person) and `volunteerCertificates` (`_id` = the verification code). */
import type { CertificateView } from '../../../types/volunteer.constants';
import { isDuplicate } from '../../core/db/errors';
import { database } from '../../core/platform/cloud';

export interface DeclarationDoc {
  _id: string;
  name: string;
  unit: string | null;
  /** The registered 报到单位 picked, if any (`unit` then holds its name). */
  unitId?: string | null;
  communityId: string | null;
  communityName: string | null;
  /**
   * Where the member is counted (who is behind, per community/street/district): the residential
   * community if declared, else the unit's. One place each, so a street's rows add up to its total.
   */
  countedIn?: CountedIn | null;
  countedInName?: string | null;
  /** The last Shanghai half-year with a credited service ('2026H2'), or null. */
  servedHalf?: string | null;
  declaredAt: Date;
  updatedAt: Date;
}

export interface CountedIn {
  communityId: string;
  streetId: string;
  districtId: string;
}

export interface CertificateDoc extends Omit<CertificateView, 'code'> {
  _id: string;
  openid: string;
}

const declarations = () => database().collection('volunteerDeclarations');
const certificates = () => database().collection('volunteerCertificates');

export const declarationsRepo = {
  async get(openid: string): Promise<DeclarationDoc | null> {
    const { data } = await declarations().where({ _id: openid }).limit(1).get();
    return (data[0] as DeclarationDoc | undefined) ?? null;
  },

  async save(doc: DeclarationDoc): Promise<void> {
    const { _id, ...body } = doc;
    await declarations().doc(_id).set(body);
  },

  async setServed(openid: string, servedHalf: string | null): Promise<void> {
    await declarations().where({ _id: openid }).update({ servedHalf });
  },

  async ofCommunity(communityId: string): Promise<DeclarationDoc[]> {
    const _ = database().command;
    const { data } = await declarations().where(_.or([{ communityId }, { 'countedIn.communityId': communityId }])).limit(1000).get();
    return data as DeclarationDoc[];
  },
};

export const certificatesRepo = {
  /** False when the code is taken (a one-in-2^80 chance: the caller draws another). */
  async insert(doc: CertificateDoc): Promise<boolean> {
    try {
      await certificates().add(doc);
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  },

  async get(code: string): Promise<CertificateDoc | null> {
    const { data } = await certificates().where({ _id: code }).limit(1).get();
    return (data[0] as CertificateDoc | undefined) ?? null;
  },
};
