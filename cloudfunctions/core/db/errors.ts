/** The SDK's error for a duplicate `_id` or unique key: how the database states "this already exists". */
export function isDuplicate(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return code === 'DATABASE_DUPLICATE_WRITE' || /duplicate|E11000/i.test(message);
}
