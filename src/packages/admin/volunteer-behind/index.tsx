import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { BehindMember, BehindReport } from '@contract/volunteerUnits.constants';
import { api } from '@/api';
import { toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import '../../volunteer/shared/volunteer.scss';

/** Members behind, a keyset page at a time. */
function Members({ report, scopeId }: { report: BehindReport; scopeId: string }) {
  const [more, setMore] = useState<BehindMember[]>([]);
  const [next, setNext] = useState(report.members.next);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    if (!next) return;
    setBusy(true);
    try {
      const page = await api.volunteer.behind({ scopeId, after: next });
      setMore((list) => [...list, ...page.members.items]);
      setNext(page.members.next);
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const items = [...report.members.items, ...more];
  return (
    <View className="card" data-testid="members-behind">
      <Text className="card__title">
        {report.halfYear.label}尚未参加服务的党员（{report.totals.membersBehind}人）
      </Text>
      {items.length === 0 ? (
        <Text className="muted">全部党员本半年均已参加服务</Text>
      ) : (
        items.map((m) => (
          <View key={m.openid} className="item-top" data-testid="member-behind" data-openid={m.openid}>
            <Text>
              {m.name}
              {m.unit ? <Text className="muted">{m.unit}</Text> : null}
            </Text>
            <Text className="muted">{m.communityName}</Text>
          </View>
        ))
      )}
      {next ? (
        <Button block loading={busy} disabled={busy} onClick={() => void load()} data-testid="more-members">
          加载更多
        </Button>
      ) : null}
    </View>
  );
}

function Report({ report, onScope }: { report: BehindReport; onScope: (id: string) => void }) {
  const [busy, setBusy] = useState(false);
  const remind = async () => {
    setBusy(true);
    try {
      const r = await api.volunteer.remindBehind({ scopeId: report.scope.id });
      const sent = r.members.sent + r.units.sent;
      toast(sent > 0 ? `已发送提醒${sent}条` : '本期提醒已发送过，不再重复发送');
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const { totals } = report;
  return (
    <>
      <Text className="card__title" data-testid="scope-name">
        {report.scope.name} · {report.month.label}
      </Text>
      <View className="volunteer__totals" data-testid="totals">
        <View className="volunteer__total">
          <Text className="volunteer__hours">{totals.unitsBehind}</Text>
          <Text className="muted">本月未开展活动的单位（共{totals.units}个）</Text>
        </View>
        <View className="volunteer__total">
          <Text className="volunteer__hours">{totals.membersBehind}</Text>
          <Text className="muted">本半年未参加服务的党员（共{totals.members}人）</Text>
        </View>
      </View>
      <Button block type="primary" loading={busy} disabled={busy || totals.membersBehind + totals.unitsBehind === 0} onClick={() => void remind()} data-testid="remind">
        发送提醒
      </Button>
      {report.scope.level !== 'community' ? (
        <View className="card" data-testid="communities">
          <Text className="card__title">各社区情况</Text>
          {report.communities.map((c) => (
            <View key={c.id} className="item-top" data-testid="community-row" data-id={c.id} onClick={() => onScope(c.id)} ariaRole="button">
              <Text>{c.name}</Text>
              <Text className="muted">
                未开展 {c.unitsBehind}/{c.units}个单位 · 未服务 {c.membersBehind}/{c.members}人
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="card" data-testid="units-behind">
        <Text className="card__title">{report.month.label}未开展活动的报到单位</Text>
        {report.units.length === 0 ? (
          <Text className="muted">各报到单位本月均已开展活动</Text>
        ) : (
          report.units.map((u) => (
            <View key={u.id} className="item-top" data-testid="unit-behind" data-id={u.id}>
              <Text>
                {u.name}
                <Text className="muted">
                  {u.contact} {u.phone}
                </Text>
              </Text>
              <StatusTag tone="warning">{u.communityName}</StatusTag>
            </View>
          ))
        )}
      </View>
      <Members key={report.scope.id} report={report} scopeId={report.scope.id} />
    </>
  );
}

/** Who is behind under 双报到: units without an activity this month, members without a service this half-year. */
export default function VolunteerBehind() {
  const { params } = useRouter();
  const [scopeId, setScopeId] = useState<string | undefined>(params.scopeId);
  const [trail, setTrail] = useState<string[]>([]);
  const state = useRequest(() => api.volunteer.behind({ scopeId }), [scopeId]);
  const open = (id: string) => {
    if (state.data) setTrail((t) => [...t, state.data!.scope.id]);
    setScopeId(id);
  };
  const back = () => {
    setScopeId(trail[trail.length - 1]);
    setTrail((t) => t.slice(0, -1));
  };
  return (
    <Page className="volunteer">
      {trail.length > 0 ? (
        <Button size="small" onClick={back} data-testid="scope-back">
          返回上一级
        </Button>
      ) : null}
      <AsyncView state={state}>{(report) => (report ? <Report report={report} onScope={open} /> : <EmptyState title="暂无数据" />)}</AsyncView>
    </Page>
  );
}
