import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '@/api/errors';
import { ActionTable, choiceField, textField, type ActionSpecs } from './ActionTable';

/** A module's table as a new module would write it: a booking with two actions. */
interface Draft {
  note: string;
  slot: 'am' | 'pm' | null;
}
interface Booking {
  id: string;
  state: 'open' | 'confirmed';
}

const sent: Array<{ key: string; draft: Draft; booking: Booking }> = [];
let answer: (draft: Draft) => Promise<Booking>;

const ACTIONS: ActionSpecs<'confirm' | 'move', Draft, Booking, Booking> = {
  confirm: { label: '确认', done: '已确认', fields: [], send: async (draft, booking) => (sent.push({ key: 'confirm', draft, booking }), answer(draft)) },
  move: {
    label: '改期',
    done: '已改期',
    hint: '选一个新的时段并说明原因。',
    fields: [
      choiceField<Draft, Booking, 'am' | 'pm'>({
        name: 'slot',
        path: 'slot',
        label: '新时段',
        options: [
          { value: 'am', label: '上午' },
          { value: 'pm', label: '下午' },
        ],
        required: '请选择时段',
        get: (d) => d.slot,
        set: (slot) => ({ slot }),
      }),
      textField<Draft, Booking>({ name: 'note', label: '原因', placeholder: '说明原因', maxLength: 50, required: '请填写原因', get: (d) => d.note, set: (note) => ({ note }) }),
    ],
    send: async (draft, booking) => (sent.push({ key: 'move', draft, booking }), answer(draft)),
  },
};

function Table({ booking, onDone = () => undefined }: { booking: Booking; onDone?: (b: Booking) => void }) {
  return (
    <ActionTable
      title="处理预约"
      actions={ACTIONS}
      order={['confirm', 'move']}
      allowed={(key) => (key === 'confirm' ? booking.state === 'open' : true)}
      context={booking}
      emptyDraft={{ note: '', slot: null }}
      onDone={onDone}
      none="无需处理"
    />
  );
}

async function typeInto(testId: string, value: string) {
  const inner = await waitFor(() => {
    const el = screen.getByTestId(testId).querySelector('textarea');
    if (!el) throw new Error('no textarea yet');
    return el;
  });
  fireEvent.input(inner, { target: { value } });
}

beforeEach(() => {
  sent.length = 0;
  answer = async () => ({ id: 'b1', state: 'confirmed' });
});

it('runs an action with no fields on the tap, with what the table works on', async () => {
  const done = jest.fn();
  render(<Table booking={{ id: 'b1', state: 'open' }} onDone={done} />);
  fireEvent.click(screen.getByTestId('action-confirm'));
  await waitFor(() => expect(done).toHaveBeenCalledWith({ id: 'b1', state: 'confirmed' }, 'confirm'));
  expect(sent).toEqual([{ key: 'confirm', draft: { note: '', slot: null }, booking: { id: 'b1', state: 'open' } }]);
});

it('checks what a form requires, field by field, before sending', async () => {
  render(<Table booking={{ id: 'b1', state: 'confirmed' }} />);
  expect(screen.queryByTestId('action-confirm')).toBeNull();
  fireEvent.click(screen.getByTestId('action-move'));
  expect(screen.getByTestId('form-move').textContent).toContain('选一个新的时段');
  fireEvent.click(screen.getByTestId('submit-move'));
  expect((await screen.findByTestId('field-move-slot-error')).textContent).toBe('请选择时段');
  fireEvent.click(screen.getByTestId('field-move-slot-pm'));
  fireEvent.click(screen.getByTestId('submit-move'));
  expect((await screen.findByTestId('field-move-note-error')).textContent).toBe('请填写原因');
  expect(screen.queryByTestId('action-error')).toBeNull();
  expect(sent).toEqual([]);
});

it('puts the server’s issue under its field, anything else in the banner, and keeps what was typed', async () => {
  render(<Table booking={{ id: 'b1', state: 'confirmed' }} />);
  fireEvent.click(screen.getByTestId('action-move'));
  fireEvent.click(screen.getByTestId('field-move-slot-am'));
  await typeInto('field-move-note', '临');

  answer = async () => Promise.reject(new ApiError('INVALID_INPUT', '原因太短', [{ path: 'note', message: '原因至少两个字' }]));
  fireEvent.click(screen.getByTestId('submit-move'));
  expect((await screen.findByTestId('field-move-note-error')).textContent).toBe('原因至少两个字');
  expect(screen.getByTestId('field-move-note').getAttribute('aria-label')).toBe('原因：原因至少两个字');
  expect(screen.queryByTestId('action-error')).toBeNull();

  answer = async () => Promise.reject(new ApiError('CONFLICT', ''));
  fireEvent.click(screen.getByTestId('submit-move'));
  expect((await screen.findByTestId('action-error')).textContent).toBe('内容已被他人更新，请刷新后重试');
  expect((screen.getByTestId('field-move-note').querySelector('textarea') as HTMLTextAreaElement).value).toBe('临');
  expect(screen.getByTestId('field-move-slot-am').getAttribute('data-active')).toBe('true');
  expect(sent.map((s) => s.draft)).toEqual([
    { slot: 'am', note: '临' },
    { slot: 'am', note: '临' },
  ]);
});

it('says so when no action is allowed', () => {
  const none = { ...ACTIONS };
  render(<ActionTable title="处理" actions={none} order={[]} allowed={() => false} context={{ id: 'b', state: 'open' }} emptyDraft={{ note: '', slot: null }} onDone={() => undefined} none="无需处理" />);
  expect(screen.getByTestId('no-actions').textContent).toBe('无需处理');
});
