import { fireEvent, waitFor } from '@testing-library/react';

/** Types into a Taro <Input>/<Textarea> (the Stencil element renders its inner field a moment later). */
export async function typeInto(host: () => HTMLElement, value: string) {
  const inner = await waitFor(() => {
    const el = host();
    const field = ['INPUT', 'TEXTAREA'].includes(el.tagName) ? el : el.querySelector('input, textarea');
    if (!field) throw new Error('no inner field yet');
    return field;
  });
  fireEvent.input(inner, { target: { value } });
}
