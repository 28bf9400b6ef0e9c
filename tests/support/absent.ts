import { waitFor, type waitForOptions } from '@testing-library/react';

/**
 * Waits until `query` finds nothing. Not `waitFor(() => expect(el).toBeNull())`: every failed check
 * formats the element it received — its whole React fiber graph — which took seconds per poll and
 * turned a 100 ms save into a 20–60 s wait.
 */
export function absent(query: () => Element | null | undefined, options?: waitForOptions): Promise<void> {
  return waitFor(() => {
    if (query()) throw new Error('still on the page');
  }, options);
}
