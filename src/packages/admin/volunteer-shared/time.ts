/** A Shanghai wall time typed on a form ('YYYY-MM-DD' + 'HH:mm') as an ISO instant; null when malformed. */
export function shanghaiInstant(day: string, clock: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day.trim()) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(clock.trim())) return null;
  const ms = Date.parse(`${day.trim()}T${clock.trim()}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
