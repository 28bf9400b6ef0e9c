import { bookingIds } from './ids';

test('the booking id is a function of the requester and the request id; codes are six digits', () => {
  const a = bookingIds('o1', '6F1C2A7E-1B2C-4D5E-8F90-123456789ABC');
  expect(bookingIds('o1', '6f1c2a7e-1b2c-4d5e-8f90-123456789abc')).toEqual(a);
  expect(bookingIds('o2', '6f1c2a7e-1b2c-4d5e-8f90-123456789abc').id).not.toBe(a.id);
  expect(a.id).toMatch(/^bk[0-9a-f]{24}$/);
  expect(a.codes).toHaveLength(8);
  for (const code of a.codes) expect(code).toMatch(/^\d{6}$/);
});
