import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { COUNCIL_STEP_LABELS, COUNCIL_STEPS, type CouncilStep, type MatterSummary } from '@contract/council.constants';
import { routes } from '@contract/routes';
import type { Me } from '@contract/users';
import { api } from '@/api';
import { pressable } from '@/components/a11y';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag } from '@/components/StatusTag';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { loadMe } from '@/state/preferences';
import { formatTime } from '@/utils/time';
import { ResidenceCard } from './shared/Residence';
import { SettingsCard } from './shared/Settings';
import './shared/council.scss';

type Tab = CouncilStep | 'review';

function MatterCard({ m }: { m: MatterSummary }) {
  return (
    <View className="card jy-tap" data-testid="matter" data-id={m.id} {...pressable(() => void Taro.navigateTo({ url: routes.councilMatter(m.id) }), 'link')}>
      <View className="council__row">
        <Text className="card__title">{m.title}</Text>
        <StatusTag tone={m.stage === 'voting' ? 'warning' : m.stage === 'declined' ? 'neutral' : 'primary'}>{m.stageLabel}</StatusTag>
      </View>
      <Text className="council__meta">
        {m.scope.kindLabel} · {m.scope.name} · {formatTime(m.createdAt)}
      </Text>
      {m.stage === 'proposed' && <Text className="council__meta">已有 {m.cosigns}/{m.threshold} 户附议</Text>}
      {m.closesAt && <Text className="council__meta">表决截止 {formatTime(m.closesAt)}</Text>}
    </View>
  );
}

function Board({ me }: { me: Me }) {
  const [tab, setTab] = useState<Tab>('propose');
  const list = usePagedList((page) => api.council.board({ step: tab, page }), [tab]);
  useDidShow(() => list.reload(true));
  const tabs = [...COUNCIL_STEPS.map((s) => ({ value: s as Tab, label: COUNCIL_STEP_LABELS[s] })), ...(me.isStaff ? [{ value: 'review' as Tab, label: '待审核' }] : [])];
  return (
    <>
      <Chips options={tabs} value={tab} onChange={setTab} testId="step" />
      <PagedListView list={list} testId="matters" renderItem={(m) => <MatterCard m={m} />} empty={<EmptyState title="这里还没有议题" description="有关楼栋、小区和社区的公共事务，都可以在这里提出来一起商量" />} />
    </>
  );
}

export default function CouncilBoard() {
  const me = useRequest(loadMe, []);
  const [fresh, setFresh] = useState<Me>();
  return (
    <Page className="council">
      <AsyncView state={me}>
        {(loaded) => {
          const current = fresh ?? loaded;
          const canRaise = current.residence?.status === 'verified' || current.isStaff;
          return (
            <>
              {!current.isStaff && <ResidenceCard me={current} onChange={setFresh} />}
              {current.jurisdiction?.level === 'community' && <SettingsCard />}
              {canRaise && <LinkRow title="我要提事" description="提出楼栋、小区或社区的公共事务，邻里附议后进入议事" onClick={() => void Taro.navigateTo({ url: routes.councilRaise() })} testId="open-raise" />}
              {current.household || current.isStaff ? <Board me={current} /> : <EmptyState title="绑定住址后即可查看本社区的议题" testId="board-unbound" />}
            </>
          );
        }}
      </AsyncView>
    </Page>
  );
}
