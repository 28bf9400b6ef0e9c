import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROUNDING_MODE_LABELS, VOLUNTEER_LIMITS, type ActivityView, type RosterRow, type RosterView } from '@contract/volunteer.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatDay, formatTime, now } from '@/utils/time';
import { shanghaiInstant } from '../volunteer-shared/time';
import '../../volunteer/shared/volunteer.scss';

const clock = (iso: string | null) => (iso ? formatTime(iso).slice(11) : '');

/** A published activity is 报名中 only until it starts. */
function phaseOf(a: ActivityView): string {
  if (a.status !== 'published') return a.statusLabel;
  const at = now().getTime();
  if (at > new Date(a.end).getTime()) return '已结束';
  return at >= new Date(a.start).getTime() ? '进行中' : a.statusLabel;
}

function Correction({ activity, row, onDone }: { activity: ActivityView; row: RosterRow; onDone: (v: RosterView) => void }) {
  const day = formatDay(activity.start);
  const [checkIn, setCheckIn] = useState(clock(row.checkInAt) || clock(activity.start));
  const [checkOut, setCheckOut] = useState(clock(row.checkOutAt) || clock(activity.end));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    const checkInAt = shanghaiInstant(day, checkIn);
    const checkOutAt = shanghaiInstant(day, checkOut);
    if (!checkInAt || !checkOutAt) {
      setError(new ApiError('INVALID_INPUT', '时间格式为 HH:mm', [{ path: checkInAt ? 'checkOutAt' : 'checkInAt', message: '时间格式为 HH:mm' }]));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.volunteer.correctRecord({ id: activity.id, openid: row.openid, checkInAt, checkOutAt, reason }));
      toast('已更正');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="correction">
      <TextField label={`签到时间（${day}，HH:mm）`} kind="line" testId="correct-in" path="checkInAt" error={error} value={checkIn} maxLength={5} onChange={setCheckIn} labelAs="section" />
      <TextField label="签退时间（HH:mm）" kind="line" testId="correct-out" path="checkOutAt" error={error} value={checkOut} maxLength={5} onChange={setCheckOut} labelAs="section" />
      <TextField label="更正原因" testId="correct-reason" path="reason" error={error} value={reason} maxLength={VOLUNTEER_LIMITS.reasonMax} onChange={setReason} labelAs="section" />
      {error && !error.issues.length && (
        <View className="field-error" ariaRole="alert">
          <Text>{error.message}</Text>
        </View>
      )}
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="correct-submit">
        保存更正
      </Button>
    </View>
  );
}

function Row({ activity, row, onDone }: { activity: ActivityView; row: RosterRow; onDone: (v: RosterView) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="card" data-testid="roster-row" data-openid={row.openid}>
      <View className="item-top">
        <Text className="card__title">{row.name}</Text>
        <StatusTag tone={row.status === 'signed_up' ? 'primary' : 'warning'}>{row.waitingPosition ? `候补第${row.waitingPosition}位` : row.statusLabel}</StatusTag>
      </View>
      {row.status === 'signed_up' && (
        <>
          <InfoRow label="签到" value={row.checkInAt ? formatTime(row.checkInAt) : '未签到'} />
          <InfoRow label="签退" value={row.checkOutAt ? formatTime(row.checkOutAt) : '未签退'} />
          <InfoRow label="时长" value={`${row.hours}小时${row.corrected ? '（已更正）' : ''}`} testId="row-hours" />
          {row.history
            .filter((h) => h.kind === 'correct')
            .map((h) => (
              <Text key={h.at} className="muted">
                {formatTime(h.at)} {h.by}更正为 {clock(h.checkInAt)}–{clock(h.checkOutAt)}：{h.reason}
              </Text>
            ))}
          {activity.status !== 'cancelled' &&
            (open ? (
              <Correction activity={activity} row={row} onDone={(v) => (setOpen(false), onDone(v))} />
            ) : (
              <Button size="small" onClick={() => setOpen(true)} data-testid="open-correction">
                更正签到记录
              </Button>
            ))}
        </>
      )}
    </View>
  );
}

function Manage({ view, setView }: { view: RosterView; setView: (v: RosterView) => void }) {
  const a = view.activity;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const act = async (label: string, call: () => Promise<ActivityView>) => {
    setBusy(true);
    setError(undefined);
    try {
      const activity = await call();
      setView({ ...view, activity });
      toast(label);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const seated = view.rows.filter((r) => r.status === 'signed_up');
  return (
    <>
      <View className="card" data-testid="roster-activity">
        <Text className="card__title">{a.title}</Text>
        <InfoRow label="状态" value={phaseOf(a)} testId="roster-status" />
        <InfoRow label="时间" value={`${formatTime(a.start)} – ${clock(a.end)}`} />
        <InfoRow label="地点" value={a.place} />
        <InfoRow label="报名" value={`${a.signedUp}/${a.capacity}人，候补${a.waiting}人`} testId="roster-seats" />
        <InfoRow label="已签到" value={`${seated.filter((r) => r.checkInAt).length}人`} />
        <InfoRow label="时长规则" value={`按${view.rule.unitMinutes}分钟${ROUNDING_MODE_LABELS[view.rule.mode]}`} />
        {a.code && (
          <View ariaLabel={`签到码 ${a.code.split('').join(' ')}`}>
            <Text className="muted">签到码（现场出示给志愿者，签到时间 {formatTime(a.checkFrom)} 至 {clock(a.checkUntil)}）</Text>
            <Text className="volunteer__code" data-testid="roster-code">
              {a.code}
            </Text>
            <Image className="volunteer__qr" src={view.codeQr} mode="aspectFit" ariaLabel="签到二维码" nativeProps={{ alt: '签到二维码' }} data-testid="roster-qr" />
          </View>
        )}
        {a.status === 'draft' && (
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void act('活动已发布', () => api.volunteer.publishActivity({ id: a.id }))} data-testid="publish">
            发布活动
          </Button>
        )}
        {a.status !== 'cancelled' && new Date(a.end).getTime() > now().getTime() && (
          <View data-testid="cancel-activity">
            <TextField label="取消原因（将通知已报名和候补的志愿者）" testId="cancel-reason" path="reason" error={error} value={reason} maxLength={VOLUNTEER_LIMITS.reasonMax} onChange={setReason} labelAs="section" />
            <Button block loading={busy} disabled={busy} onClick={() => void act('活动已取消', () => api.volunteer.cancelActivity({ id: a.id, reason }))} data-testid="cancel-submit">
              取消活动
            </Button>
          </View>
        )}
        {error && !error.issues.length && (
          <View className="field-error" ariaRole="alert">
            <Text>{error.message}</Text>
          </View>
        )}
      </View>
      <Text className="card__title">签到表</Text>
      {view.rows.length === 0 ? <EmptyState title="还没有人报名" /> : view.rows.map((r) => <Row key={r.openid} activity={a} row={r} onDone={setView} />)}
    </>
  );
}

export default function VolunteerRoster() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRequest(() => api.volunteer.roster({ id }), [id]);
  return (
    <Page className="volunteer">
      <AsyncView state={state}>{(view) => <Manage view={view} setView={state.setData} />}</AsyncView>
    </Page>
  );
}
