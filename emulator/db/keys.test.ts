import Database from 'better-sqlite3';
import { encodeQueryValue, fieldKeys, indexEntries, SqlValue } from './keys';

/** Sorts values the way SQLite orders them in an index. */
function sqliteOrder(values: SqlValue[]): number[] {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k, i INTEGER)');
  const insert = db.prepare('INSERT INTO t (k, i) VALUES (?, ?)');
  values.forEach((v, i) => insert.run(v, i));
  const order = db.prepare('SELECT i FROM t ORDER BY k, i').pluck().all() as number[];
  db.close();
  return order;
}

describe('index key encoding', () => {
  it('orders dates by time, before and after 1970', () => {
    const dates = [new Date(-86_400_000 * 400), new Date(-1), new Date(0), new Date(1), new Date('2025-06-01'), new Date('2100-01-01')];
    const shuffled = [3, 0, 5, 1, 4, 2].map((i) => dates[i]);
    const order = sqliteOrder(shuffled.map((d) => encodeQueryValue(d)!));
    expect(order.map((i) => shuffled[i].getTime())).toEqual(dates.map((d) => d.getTime()));
  });

  it('orders types in MongoDB brackets: null < numbers < strings < booleans < dates', () => {
    const values = [new Date(0), true, 'a', '', 10, -5, null, false];
    const order = sqliteOrder(values.map((v) => encodeQueryValue(v)!));
    expect(order.map((i) => values[i])).toEqual([null, -5, 10, '', 'a', false, true, new Date(0)]);
  });

  it('does not encode values an index cannot look up', () => {
    expect(encodeQueryValue({ a: 1 })).toBeUndefined();
    expect(encodeQueryValue([1])).toBeUndefined();
    expect(encodeQueryValue(Number.NaN)).toBeUndefined();
    expect(encodeQueryValue(/x/)).toBeUndefined();
  });
});

describe('keys of a document', () => {
  it('gives null for missing paths and one key per array element', () => {
    expect(fieldKeys({}, 'a')).toEqual({ keys: [null], fromArray: false });
    expect(fieldKeys({ a: 5 }, 'a.b')).toEqual({ keys: [null], fromArray: false });
    expect(fieldKeys({ a: [1, [2, 3]] }, 'a')).toEqual({ keys: [1, 2, 3], fromArray: true });
    expect(fieldKeys({ a: [{ b: 1 }, { c: 2 }] }, 'a.b')).toEqual({ keys: [1, null], fromArray: true });
    expect(fieldKeys({ a: [] }, 'a')).toEqual({ keys: [], fromArray: true });
  });

  it('gives distinct key tuples for compound indexes', () => {
    const { tuples } = indexEntries({ a: ['x', 'x', 'y'], b: 1 }, ['a', 'b']);
    expect(tuples).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
  });
});
