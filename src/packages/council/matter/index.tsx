import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COUNCIL_LIMITS, COUNCIL_VOTE_SUBSCRIPTIONS, type BallotView, type MatterView } from '@contract/council.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { askForUpdates } from '@/api/subscribe';
import { AsyncView } from '@/components/AsyncView';
import { InfoRow } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { Comments } from './Comments';
import { Meetings } from './Meetings';
import { Progress, Rating } from './Work';
import '../shared/council.scss';

/** Runs an action of the page: busy while it runs, its error kept for the form, the new view taken. */
function useAct(onDone: (m: MatterView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const act = async (run: () => Promise<MatterView>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const m = await run();
      toast(done);
      onDone(m);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, act };
}

function Share({ label, part, whole }: { label: string; part: number; whole: number }) {
  const percent = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return (
    <View>
      <Text className="council__meta">
        {label} {part}/{whole}（{percent}%）
      </Text>
      <View className="council__bar" ariaRole="img" ariaLabel={`${label}${percent}%`}>
        <View className="council__bar-fill" style={{ width: `${percent}%` }} />
      </View>
    </View>
  );
}

function Ballot({ m, onDone }: { m: MatterView; onDone: (m: MatterView) => void }) {
  const b = m.ballot as BallotView;
  const { busy, error, act } = useAct(onDone);
  const vote = (optionId: string) => act(() => api.council.vote({ id: m.id, optionId }), '投票成功');
  return (
    <View className="card" data-testid="ballot">
      <View className="council__row">
        <Text className="card__title">表决</Text>
        <StatusTag tone={b.open ? 'warning' : 'neutral'}>{b.open ? '进行中' : '已截止'}</StatusTag>
      </View>
      <InfoRow label="表决规则" value={`${b.ruleLabel}${b.major ? '（重大事项）' : ''}${b.rule === 'majority' ? `，法定人数${b.quorumPercent}%` : ''}`} />
      <InfoRow label="截止时间" value={formatTime(b.closesAt)} />
      <View data-testid="turnout">
        <Share label="已投票户数" part={b.turnout.voted} whole={b.turnout.eligible} />
      </View>
      {m.mine.householdVote && (
        <Text className="muted" data-testid="household-vote">
          {m.mine.householdVote.byMe ? `您已投票：${m.mine.householdVote.label}` : `您家已由家人投票：${m.mine.householdVote.label}`}
        </Text>
      )}
      {m.mine.canVote && (
        <View className="button-stack">
          {b.options.map((o) => (
            <Button key={o.id} block type={o.id === 'yes' ? 'primary' : 'default'} loading={busy} disabled={busy} onClick={() => void vote(o.id)} data-testid={`vote-${o.id}`}>
              {o.label}
            </Button>
          ))}
          <Text className="council__meta">每户一票，投出后不能更改；表决结束前只显示投票进度。</Text>
        </View>
      )}
      {error && (
        <Text className="field-error" data-testid="vote-error">
          {error.message}
        </Text>
      )}
      {b.result && (
        <View className="council__result" data-testid="result">
          <Text className="card__title">{b.result.summary}</Text>
          {b.result.options.map((o) => (
            <Share key={o.id} label={`${o.label}${o.area > 0 ? `（${o.area}㎡）` : ''}`} part={o.households} whole={b.result!.votedHouseholds} />
          ))}
          {b.result.checks.map((c) => (
            <Text key={c.label} className={`council__check council__check--${c.met ? 'met' : 'unmet'}`}>
              {c.met ? '✓' : '✗'} {c.label}
            </Text>
          ))}
        </View>
      )}
      {b.buildings && b.buildings.length > 0 && (
        <View data-testid="building-turnout">
          <Text className="text-field__label">各楼栋投票户数（仅工作人员可见）</Text>
          {b.buildings.map((row) => (
            <InfoRow key={row.buildingId} label={row.name} value={`${row.voted} 户`} />
          ))}
        </View>
      )}
    </View>
  );
}

function StaffActions({ m, onDone }: { m: MatterView; onDone: (m: MatterView) => void }) {
  const [note, setNote] = useState('');
  const { busy, error, act } = useAct(onDone);
  if (!m.can.moderate && !m.can.openVote && !m.can.advance) return null;
  return (
    <View className="card" data-testid="staff-actions">
      <Text className="card__title">工作人员操作</Text>
      {(m.can.moderate || m.can.advance) && (
        <TextField label={m.can.advance ? '办理情况（选填）' : '说明（不采纳时必填）'} testId="staff-note" path="reason" error={error} value={note} maxLength={COUNCIL_LIMITS.noteMax} onChange={setNote} />
      )}
      <View className="button-stack">
        {m.can.moderate && m.stage === 'review' && (
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void act(() => api.council.moderate({ id: m.id, version: m.version, approve: true, reason: note }), '已公开')} data-testid="moderate-approve">
            审核通过，公开议题
          </Button>
        )}
        {m.can.moderate && (
          <Button block fill="outline" loading={busy} disabled={busy} onClick={() => void act(() => api.council.moderate({ id: m.id, version: m.version, approve: false, reason: note }), '已不予采纳')} data-testid="moderate-decline">
            不予采纳
          </Button>
        )}
        {m.can.openVote && <LinkRow title="发起表决" description="确定选项、表决规则和截止时间" onClick={() => void Taro.navigateTo({ url: routes.councilOpenVote(m.id) })} testId="open-vote" />}
        {m.can.advance && (
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void act(() => api.council.advance({ id: m.id, version: m.version, note }), m.stage === 'doing' ? '已办结，进入评事' : '议题已结束')} data-testid="advance">
            {m.stage === 'doing' ? '办结，进入评事' : '结束议题'}
          </Button>
        )}
      </View>
      {error && !error.fieldMessage('reason') && <Text className="field-error">{error.message}</Text>}
    </View>
  );
}

function Matter({ m, onDone }: { m: MatterView; onDone: (m: MatterView) => void }) {
  const { busy, error, act } = useAct(onDone);
  return (
    <>
      <View className="card" data-testid="story">
        <View className="council__row">
          <Text className="card__title" data-testid="matter-title">
            {m.title}
          </Text>
          <StatusTag tone={m.stage === 'voting' ? 'warning' : 'primary'}>{m.stageLabel}</StatusTag>
        </View>
        <Text className="council__meta">
          {m.scope.kindLabel} · {m.scope.name} · {m.raisedBy} · {formatTime(m.createdAt)}
        </Text>
        <Text className="council__body">{m.description}</Text>
        {m.photos.length > 0 && (
          <View className="council__photos">
            {m.photos.map((url, i) => (
              <Image key={url} className="council__photo" src={url} mode="aspectFill" ariaLabel={`议题照片 ${i + 1}`} onClick={() => void Taro.previewImage({ urls: m.photos, current: url })} />
            ))}
          </View>
        )}
      </View>
      {(m.stage === 'proposed' || m.stage === 'agenda') && (
        <View className="card" data-testid="cosign">
          <Text className="card__title">附议</Text>
          <Share label="附议户数" part={m.cosigns} whole={m.threshold} />
          <View>
            <Text className="council__meta">{m.stage === 'proposed' ? `${m.threshold} 户附议后进入议事` : '已进入议事，等待社区组织表决'}</Text>
          </View>
          {m.mine.cosigned && (
            <View>
              <Text className="muted">您家已附议</Text>
            </View>
          )}
          {m.mine.canCosign && (
            <Button block type="primary" loading={busy} disabled={busy} onClick={() => void act(async () => { await askForUpdates(COUNCIL_VOTE_SUBSCRIPTIONS); return api.council.cosign({ id: m.id }); }, '附议成功')} data-testid="cosign-submit">
              我家附议
            </Button>
          )}
          {error && <Text className="field-error">{error.message}</Text>}
        </View>
      )}
      {m.mine.hint && !m.isStaff && m.stage !== 'closed' && m.stage !== 'declined' && (
        <Text className="muted" data-testid="hint">
          {m.mine.hint}
        </Text>
      )}
      <Meetings m={m} onDone={onDone} />
      {m.ballot && <Ballot m={m} onDone={onDone} />}
      <Progress m={m} onDone={onDone} />
      <Rating m={m} onDone={onDone} />
      {m.isStaff && <StaffActions m={m} onDone={onDone} />}
      {m.stage !== 'review' && m.stage !== 'declined' && <Comments m={m} />}
      <View className="card" data-testid="log">
        <Text className="card__title">进展</Text>
        {m.log.map((e, i) => (
          <InfoRow key={i} label={formatTime(e.at)} value={`${e.label} · ${e.by}${e.note ? `：${e.note}` : ''}`} />
        ))}
      </View>
    </>
  );
}

export default function CouncilMatter() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRequest(() => api.council.matter({ id }), [id]);
  useDidShow(() => state.data && state.reload());
  return (
    <Page className="council">
      <AsyncView state={state}>{(m) => <Matter m={m} onDone={state.setData} />}</AsyncView>
    </Page>
  );
}
