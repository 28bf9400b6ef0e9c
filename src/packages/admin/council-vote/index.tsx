import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COUNCIL_LIMITS, DEFAULT_QUORUM_PERCENT, VOTE_RULE_LABELS, VOTE_RULES, type MatterView, type VoteRule } from '@contract/council.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { CheckRow } from '@/components/CheckRow';
import { Page } from '@/components/Page';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime, now } from '@/utils/time';
import '../../council/shared/council.scss';

const DURATIONS = [
  { value: 1, label: '1天' },
  { value: 3, label: '3天' },
  { value: 7, label: '7天' },
  { value: 14, label: '14天' },
] as const;

type Kind = 'approval' | 'choice';

function OpenVoteForm({ m }: { m: MatterView }) {
  const [kind, setKind] = useState<Kind>('approval');
  const [options, setOptions] = useState('');
  const [rule, setRule] = useState<VoteRule>('civil278');
  const [major, setMajor] = useState(false);
  const [quorum, setQuorum] = useState(String(DEFAULT_QUORUM_PERCENT));
  const [days, setDays] = useState<number>(7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const closesAt = new Date(now().getTime() + days * 86_400_000);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const list = options.split('\n').map((o) => o.trim()).filter((o) => o !== '');
      await api.council.openVote({
        id: m.id,
        version: m.version,
        rule,
        major: rule === 'civil278' && major,
        quorumPercent: Number(quorum) || DEFAULT_QUORUM_PERCENT,
        options: kind === 'choice' ? list : undefined,
        closesAt: closesAt.toISOString(),
      });
      toast('表决已开始', { carry: true });
      void Taro.redirectTo({ url: routes.councilMatter(m.id) });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="card">
        <Text className="card__title">{m.title}</Text>
        <Text className="council__meta">
          {m.scope.kindLabel} · {m.scope.name} · 范围内已认证住户参与表决，每户一票
        </Text>
      </View>
      <View className="card">
        <Text className="card__title">选项</Text>
        <Chips options={[{ value: 'approval' as Kind, label: '赞成/反对/弃权' }, { value: 'choice' as Kind, label: '多个方案' }]} value={kind} onChange={setKind} testId="kind" />
        {kind === 'choice' && (
          <TextField label={`方案（每行一个，${COUNCIL_LIMITS.optionsMin}–${COUNCIL_LIMITS.optionsMax}个）`} testId="options" path="options" error={error} value={options} maxLength={300} onChange={setOptions} />
        )}
      </View>
      <View className="card">
        <Text className="card__title">表决规则</Text>
        <Chips options={VOTE_RULES.map((r) => ({ value: r, label: VOTE_RULE_LABELS[r] }))} value={rule} onChange={setRule} testId="rule" />
        {rule === 'civil278' ? (
          <>
            <Text className="council__meta">参与表决的户数和面积均不少于三分之二；同意的户数和面积均超过参与者的一半（重大事项不少于四分之三）。</Text>
            <CheckRow label="重大事项（维修资金、改建重建、改变共有部分用途等）" checked={major} onChange={setMajor} testId="major" />
          </>
        ) : (
          <TextField label="法定人数（参与户数占比，%）" kind="number" testId="quorum" path="quorumPercent" error={error} value={quorum} maxLength={3} onChange={setQuorum} />
        )}
      </View>
      <View className="card">
        <Text className="card__title">表决期限</Text>
        <Chips options={DURATIONS} value={days} onChange={setDays} testId="days" />
        <Text className="council__meta">截止时间：{formatTime(closesAt)}，到时自动计票</Text>
        <FieldError message={error?.fieldMessage('closesAt')} testId="closesAt" />
      </View>
      {error && error.issues.length === 0 && (
        <Text className="field-error" data-testid="open-error">
          {error.message}
        </Text>
      )}
      <View className="button-stack">
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="open-submit">
          开始表决
        </Button>
      </View>
    </>
  );
}

/** 发起表决 for a matter on the agenda: options fixed, the rule, the closing time. */
export default function CouncilOpenVote() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRequest(() => api.council.matter({ id }), [id]);
  return (
    <Page className="council">
      <AsyncView state={state}>{(m) => (m.can.openVote ? <OpenVoteForm m={m} /> : <Text className="muted">该议题当前不能发起表决（{m.stageLabel}）</Text>)}</AsyncView>
    </Page>
  );
}
