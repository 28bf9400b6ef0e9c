import { database } from '../platform/cloud';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * An update where every object-valued field replaces the stored subdocument (`_.set`), instead of
 * the SDK's default of merging nested objects field by field.
 */
export function replacing(patch: Record<string, unknown>): Record<string, unknown> {
  const _ = database().command;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) ? _.set(value) : value;
  }
  return out;
}
