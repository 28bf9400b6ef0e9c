import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setRouterParams } from '../../../../tests/support/taro';
import { actAs } from '../../../../tests/support/componentEnv';
import { api } from '@/api';
import { fileAppeal, marker } from '../shared/testing';
import AdminAppeal from './index';
import { absent } from '../../../../tests/support/absent';

jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

const status = () => screen.getByTestId('appeal-status');

/** A resident files an appeal; the grid worker of its building opens it on this page. */
async function openFiledAppeal(label: string) {
  const appeal = await fileAppeal(marker(label));
  actAs('demo-grid-worker');
  setRouterParams({ id: appeal.id });
  render(<AdminAppeal />);
  return appeal;
}

/** What a field's Taro <Textarea> holds now. */
const valueOf = (testId: string) => (screen.getByTestId(testId).querySelector('textarea') as HTMLTextAreaElement).value;

/** Types into the Taro <Textarea> of a field (the Stencil element renders its inner textarea a moment later). */
async function typeInto(testId: string, value: string) {
  const textarea = await waitFor(() => {
    const host = screen.getByTestId(testId);
    const inner = host.tagName === 'TEXTAREA' ? host : host.querySelector('textarea');
    if (!inner) throw new Error(`no textarea in ${testId} yet`);
    return inner;
  });
  fireEvent.input(textarea, { target: { value } });
}

it('claims the appeal: the status changes and the timeline shows the claim', async () => {
  await openFiledAppeal('签收');

  const claim = await screen.findByTestId('action-claim', undefined, slow);
  expect(status().textContent).toBe('待受理');
  // Masked until the worker becomes accountable for it (首问).
  expect(screen.getByTestId('resident-name').textContent).not.toBe('王秀英');
  fireEvent.click(claim);

  await waitFor(() => expect(status().getAttribute('data-status')).toBe('processing'), slow);
  const timeline = screen.getByTestId('timeline');
  expect(within(timeline).getByText('签收')).toBeTruthy();
  expect(timeline.textContent).toContain('张丽');
  expect(screen.queryByTestId('action-claim')).toBeNull();
  expect(screen.getByTestId('action-reply')).toBeTruthy();
  expect(screen.getByTestId('resident-name').textContent).toBe('王秀英');
  expect(screen.getByTestId('resident-phone').textContent).toContain('13905351234');
});

it('on a stale version shows the conflict in words, reloads the appeal and keeps the typed reply', async () => {
  const appeal = await openFiledAppeal('冲突');
  fireEvent.click(await screen.findByTestId('action-claim', undefined, slow));
  fireEvent.click(await screen.findByTestId('action-reply', undefined, slow));
  await typeInto('field-reply-text', '正在联系物业处理');

  // Meanwhile the appeal moves on from another device: the page's version is stale now.
  const current = await api.appeals.detail({ id: appeal.id });
  await api.appeals.reply({ id: appeal.id, version: current.version, text: '另一台设备上的回复', photos: [] });

  fireEvent.click(screen.getByTestId('submit-reply'));
  const error = await screen.findByTestId('action-error', undefined, slow);
  expect(error.textContent).toContain('已为您刷新为最新内容');
  await waitFor(() => expect(screen.getByTestId('timeline').textContent).toContain('另一台设备上的回复'), slow);
  expect(valueOf('field-reply-text')).toBe('正在联系物业处理');

  // Sent again, now with the fresh version, it goes through.
  fireEvent.click(screen.getByTestId('submit-reply'));
  await waitFor(() => expect(screen.getByTestId('timeline').textContent).toContain('正在联系物业处理'), slow);
  expect(screen.queryByTestId('action-error')).toBeNull();
});

it('a claim that lost the race is explained and the appeal reloaded', async () => {
  const appeal = await openFiledAppeal('抢签');
  const claim = await screen.findByTestId('action-claim', undefined, slow);
  await api.appeals.claim({ id: appeal.id, version: appeal.version });

  fireEvent.click(claim);
  expect((await screen.findByTestId('action-error', undefined, slow)).textContent).toMatch(/[\u4e00-\u9fa5]/);
  await waitFor(() => expect(status().getAttribute('data-status')).toBe('processing'), slow);
  expect(screen.queryByTestId('action-claim')).toBeNull();
});

it('replies after claiming; a missing or invalid field is explained under the field and the text is kept', async () => {
  await openFiledAppeal('回复');
  fireEvent.click(await screen.findByTestId('action-claim', undefined, slow));
  fireEvent.click(await screen.findByTestId('action-reply', undefined, slow));

  fireEvent.click(screen.getByTestId('submit-reply'));
  expect((await screen.findByTestId('field-reply-text-error')).textContent).toBe('请填写回复内容');

  await typeInto('field-reply-text', '已联系保洁，今天下午清理');
  fireEvent.click(screen.getByTestId('submit-reply'));
  await waitFor(() => expect(screen.getByTestId('timeline').textContent).toContain('已联系保洁，今天下午清理'), slow);
  expect(screen.queryByTestId('form-reply')).toBeNull();

  // The server's own rule (a reason of at least two characters) comes back under the field.
  fireEvent.click(screen.getByTestId('action-transfer'));
  fireEvent.click(screen.getByTestId('field-transfer-target-community'));
  await typeInto('field-transfer-reason', '转');
  fireEvent.click(screen.getByTestId('submit-transfer'));
  const reasonError = await screen.findByTestId('field-transfer-reason-error', undefined, slow);
  expect(reasonError.textContent).toContain('转办理由');
  expect(screen.getByTestId('form-transfer')).toBeTruthy();
  expect(valueOf('field-transfer-reason')).toBe('转');
  expect(screen.getByTestId('field-transfer-target-community').getAttribute('data-active')).toBe('true');
});

it('says in words when the appeal cannot be opened', async () => {
  actAs('demo-grid-worker');
  setRouterParams({ id: 'no-such-appeal' });
  render(<AdminAppeal />);
  const error = await screen.findByTestId('error', undefined, slow);
  expect(error.textContent).toMatch(/[\u4e00-\u9fa5]/);
});

it('an appeal held for review says so, and approving it lets neighbours see it', async () => {
  await openFiledAppeal('审核 请加微信联系'); // 「加微信」 is a review word of the local list
  const notice = await screen.findByTestId('held-for-review', undefined, slow);
  expect(notice.textContent).toContain('邻居看不到');
  fireEvent.click(screen.getByTestId('action-approve'));
  await absent(() => screen.queryByTestId('held-for-review'), slow);
  expect(within(screen.getByTestId('timeline')).getByText('内容审核通过')).toBeTruthy();
  expect(screen.queryByTestId('action-approve')).toBeNull();
});
