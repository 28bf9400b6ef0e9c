/** Small helpers the appeals repositories share. */
import { database, type Database } from '../../core/platform/cloud';

export const db = (): Database => database();
export const cmd = () => db().command;

export { isDuplicate } from '../../core/db/errors';
