import { createHash, randomBytes } from 'node:crypto';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** A matter's id from who raised it and the form's request id: a retry lands on the same `_id`. */
export const matterId = (openid: string, requestId: string) => `mt${hash(`council:${openid}:${requestId.toLowerCase()}`).slice(0, 24)}`;

/** A household's opaque id (its key names the room, which votes never carry). */
export const householdId = (householdKey: string) => `hh${hash(`household:${householdKey}`).slice(0, 24)}`;

/** A roll's id: new for each attempt to open, so attempts never mix their households. */
export const newRollId = () => `rl${randomBytes(12).toString('hex')}`;

/** The outbox id of the notice that a matter's vote opened, to one resident: once, however often it is written. */
export const voteNoticeId = (matterId: string, openid: string) => `cvo${hash(`vote-opened:${matterId}:${openid}`).slice(0, 32)}`;
