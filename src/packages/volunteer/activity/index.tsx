import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { VOLUNTEER_SUBSCRIPTIONS, checkCodeFromScan, type ActivityView } from '@contract/volunteer.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { askForUpdates } from '@/api/subscribe';
import { AsyncView } from '@/components/AsyncView';
import { CheckRow } from '@/components/CheckRow';
import { InfoRow } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import '../shared/volunteer.scss';

function Detail({ activity: a, setActivity, initialCode }: { activity: ActivityView; setActivity: (v: ActivityView) => void; initialCode: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [confirmed, setConfirmed] = useState(false);
  const [code, setCode] = useState(initialCode);
  // One request id per form: a retried tap never signs up twice.
  const [requestId] = useState(uuid);

  const run = async (label: string, call: () => Promise<ActivityView>) => {
    setBusy(true);
    setError(undefined);
    try {
      const after = await call();
      setActivity(after);
      toast(label);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true });
      const found = checkCodeFromScan(result, a.id);
      if (found) setCode(found);
      else toast('这不是本活动的签到码，请扫描现场的签到码或手动输入', { tone: 'error' });
    } catch {
      // Cancelled by the user: nothing to do.
    }
  };

  const check = (kind: 'checkIn' | 'checkOut') =>
    run(kind === 'checkIn' ? '签到成功' : '签退成功', () => (kind === 'checkIn' ? api.volunteer.checkIn({ id: a.id, code: code.trim() }) : api.volunteer.checkOut({ id: a.id, code: code.trim() })));

  return (
    <>
      <View className="card" data-testid="activity-card">
        <View className="item-top">
          <Text className="card__title">{a.title}</Text>
          <StatusTag tone={a.status === 'published' ? 'primary' : 'neutral'}>{a.status === 'published' ? a.typeLabel : a.statusLabel}</StatusTag>
        </View>
        <InfoRow label="时间" value={`${formatTime(a.start)} – ${formatTime(a.end).slice(11)}`} testId="activity-time" />
        <InfoRow label="地点" value={a.place} />
        <InfoRow label="服务队" value={a.teamName} />
        <InfoRow label="名额" value={`${a.signedUp}/${a.capacity}人${a.waiting ? `，候补${a.waiting}人` : ''}`} testId="activity-seats" />
        <InfoRow label="报名条件" value={a.requirementLabels.length ? a.requirementLabels.join('、') : '无'} testId="activity-requirements" />
        {a.description && <Text className="muted">{a.description}</Text>}
        {a.cancelReason && <InfoRow label="取消原因" value={a.cancelReason} />}
      </View>

      <View className="card" data-testid="my-signup">
        <InfoRow label="我的报名" value={a.my.waitingPosition ? `候补第${a.my.waitingPosition}位` : a.my.statusLabel} testId="my-status" />
        {a.my.checkInAt && <InfoRow label="签到" value={formatTime(a.my.checkInAt)} testId="my-check-in" />}
        {a.my.checkOutAt && <InfoRow label="签退" value={formatTime(a.my.checkOutAt)} testId="my-check-out" />}
        {a.my.status === 'waiting' && <Text className="muted">有人取消报名时，候补按顺序自动转为正式报名，并通知您</Text>}
        {a.my.checkOutAt && <LinkRow title="查看服务时长" description="时长按签到、签退计入我的服务记录" onClick={() => void Taro.navigateTo({ url: routes.volunteerRecord() })} testId="open-record" />}
        {a.can.signUp && (
          <View className="button-stack">
            {a.requirementLabels.length > 0 && (
              <CheckRow label={`我符合报名条件：${a.requirementLabels.join('、')}`} checked={confirmed} onChange={setConfirmed} testId="confirm-requirements" />
            )}
            <FieldError testId="confirmRequirements" message={error?.fieldMessage('confirmRequirements')} />
            <Button
              block
              type="primary"
              loading={busy}
              disabled={busy}
              onClick={() => void (async () => {
                await askForUpdates(VOLUNTEER_SUBSCRIPTIONS);
                await run('报名成功', () => api.volunteer.signUp({ id: a.id, requestId, confirmRequirements: confirmed }));
              })()}
              data-testid="sign-up"
            >
              {a.signedUp < a.capacity ? '报名参加' : '名额已满，加入候补'}
            </Button>
          </View>
        )}
        {a.can.cancelSignUp && (
          <Button block loading={busy} disabled={busy} onClick={() => void run('已取消报名', () => api.volunteer.cancelSignUp({ id: a.id }))} data-testid="cancel-sign-up">
            {a.my.status === 'waiting' ? '退出候补' : '取消报名'}
          </Button>
        )}
      </View>

      {(a.can.checkIn || a.can.checkOut) && (
        <View className="card" data-testid="check">
          <Text className="card__title">{a.can.checkIn ? '现场签到' : '现场签退'}</Text>
          <Text className="muted">扫描活动现场的签到码，或输入队长告知的6位数字</Text>
          <TextField label="签到码" kind="number" testId="code" path="code" error={error} value={code} maxLength={6} onChange={setCode} labelAs="section" />
          <View className="button-stack">
            <Button block onClick={() => void scan()} data-testid="scan">
              扫码
            </Button>
            <Button block type="primary" loading={busy} disabled={busy || code.trim().length !== 6} onClick={() => void check(a.can.checkIn ? 'checkIn' : 'checkOut')} data-testid="check-submit">
              {a.can.checkIn ? '签到' : '签退'}
            </Button>
          </View>
        </View>
      )}
      {a.my.status === 'signed_up' && !a.can.checkIn && !a.can.checkOut && !a.my.checkOutAt && (
        <Text className="muted" data-testid="check-window">
          签到时间：{formatTime(a.checkFrom)} 至 {formatTime(a.checkUntil)}
        </Text>
      )}
      {error && !error.issues.length && (
        <View className="field-error" ariaRole="alert" data-testid="action-error">
          <Text>{error.message}</Text>
        </View>
      )}
      {a.can.manage && (
        <Button block onClick={() => void Taro.navigateTo({ url: routes.volunteerRoster(a.id) })} data-testid="open-roster">
          签到表（队长、社区工作人员）
        </Button>
      )}
    </>
  );
}

export default function VolunteerActivity() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRequest(() => api.volunteer.activity({ id }), [id]);
  return (
    <Page className="volunteer">
      <AsyncView state={state}>{(a) => <Detail activity={a} setActivity={state.setData} initialCode={checkCodeFromScan(params.code ?? '', id) ?? ''} />}</AsyncView>
    </Page>
  );
}
