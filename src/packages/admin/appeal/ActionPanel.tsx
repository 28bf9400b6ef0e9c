import type { AppealCommand, AppealDetail, RoutingTarget } from '@contract/appeals';
import { APPEAL_LIMITS } from '@contract/appeals.constants';
import { api } from '@/api';
import { ActionTable, choiceField, photosField, textField, type ActionSpecs } from '@/components/ActionTable';
import { TARGETS } from '../shared/labels';

/** The staff commands this page offers (rate and follow are the resident's). */
type StaffCommand = Exclude<AppealCommand, 'rate' | 'follow'>;

/** What is typed into a command's form; each form uses the parts its fields name. */
interface Draft {
  text: string;
  photos: string[];
  target: RoutingTarget | null;
}

const EMPTY_DRAFT: Draft = { text: '', photos: [], target: null };

/** The command's text, sent as `name` (and its test id). */
const text = (name: 'text' | 'reason' | 'note', label: string, placeholder: string, max: number, required: string) =>
  textField<Draft, AppealDetail>({ name, label, placeholder, maxLength: max, required, get: (d) => d.text, set: (value) => ({ text: value }) });

/** Optional photos, uploaded under `appeals/<id>/<folder>`. */
const photos = (label: string, folder: string) =>
  photosField<Draft, AppealDetail>({
    label,
    max: APPEAL_LIMITS.photosMax,
    folder: (appeal) => `appeals/${appeal.id}/${folder}`,
    get: (d) => d.photos,
    set: (value) => ({ photos: value }),
  });

const base = (appeal: AppealDetail) => ({ id: appeal.id, version: appeal.version });

const COMMANDS: ActionSpecs<StaffCommand, Draft, AppealDetail, AppealDetail> = {
  claim: {
    label: '签收',
    done: '已签收',
    hint: '签收后由您首问负责，跟进到办结。',
    fields: [],
    send: (_draft, appeal) => api.appeals.claim(base(appeal)),
  },
  approve: {
    label: '审核通过',
    done: '已审核通过',
    hint: '内容安全检查要求人工审核。确认描述和照片可以公开后，本楼栋的邻居才能看到这条诉求。',
    fields: [],
    send: (_draft, appeal) => api.appeals.approve(base(appeal)),
  },
  reply: {
    label: '回复',
    done: '已回复',
    hint: '向居民说明办理进展，居民会在诉求进度中看到。',
    fields: [text('text', '回复内容', '向居民说明办理进展', APPEAL_LIMITS.textMax, '请填写回复内容'), photos('照片（选填）', 'replies')],
    send: (d, appeal) => api.appeals.reply({ ...base(appeal), text: d.text, photos: d.photos }),
  },
  transfer: {
    label: '转办',
    done: '已转办',
    hint: '交给更合适的办理方，需写明理由。',
    fields: [
      choiceField<Draft, AppealDetail, RoutingTarget>({
        name: 'target',
        path: 'to',
        label: '转办给',
        options: TARGETS.map((t) => ({ value: t.value, label: t.label })),
        required: '请选择转办对象',
        get: (d) => d.target,
        set: (value) => ({ target: value }),
      }),
      text('reason', '转办理由（必填）', '例如：属物业维修范围，请物业公司处理', APPEAL_LIMITS.reasonMax, '请填写转办理由'),
    ],
    send: (d, appeal) => api.appeals.transfer({ ...base(appeal), to: { target: d.target! }, reason: d.text }),
  },
  resolve: {
    label: '办结',
    done: '已办结',
    hint: '填写办理结果并上传现场照片，居民将收到评价邀请。',
    fields: [
      text('text', '办理结果', '写明怎么解决的，居民会看到', APPEAL_LIMITS.textMax, '请填写办理结果'),
      photos(`现场照片（最多 ${APPEAL_LIMITS.photosMax} 张）`, 'resolution'),
    ],
    send: (d, appeal) => api.appeals.resolve({ ...base(appeal), text: d.text, photos: d.photos }),
  },
  press: {
    label: '督办',
    done: '已督办',
    hint: '督促当前办理方尽快办理。',
    fields: [text('note', '督办意见', '例如：请于今日下班前反馈处理情况', APPEAL_LIMITS.reasonMax, '请填写督办意见')],
    send: (d, appeal) => api.appeals.press({ ...base(appeal), note: d.text }),
  },
  escalate: {
    label: '上报',
    done: '已上报',
    hint: '本级难以解决时上报上一级（下呼上应）。',
    fields: [text('reason', '上报理由', '说明本级为何难以解决，需要上级协调什么', APPEAL_LIMITS.reasonMax, '请填写上报理由')],
    send: (d, appeal) => api.appeals.escalate({ ...base(appeal), reason: d.text }),
  },
};

const ORDER = Object.keys(COMMANDS) as StaffCommand[];

const noneText = (appeal: AppealDetail) =>
  appeal.status === 'closed' ? '诉求已完结，无需办理。' : appeal.status === 'resolved' ? '诉求已办结，等待居民评价。' : '您当前没有可执行的办理操作。';

/**
 * The commands `can` allows now, each with its form. Typed text survives a failed call; on CONFLICT
 * (or when the appeal left the caller's reach) the page reloads the appeal (`onStale`) and says why.
 */
export function ActionPanel({ appeal, onDone, onStale }: { appeal: AppealDetail; onDone: (next: AppealDetail) => void; onStale: () => Promise<void> }) {
  return (
    <ActionTable
      title="办理"
      actions={COMMANDS}
      order={ORDER}
      allowed={(command) => appeal.can[command]}
      context={appeal}
      emptyDraft={EMPTY_DRAFT}
      onDone={onDone}
      onFailure={async (error) => {
        // Someone else moved the appeal on (or it left our reach): show what it is now.
        if (error.code === 'CONFLICT' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') await onStale();
      }}
      failureNote={(error) => (error.code === 'CONFLICT' ? '（已为您刷新为最新内容，已填写的内容仍保留）' : '')}
      none={noneText(appeal)}
    />
  );
}
