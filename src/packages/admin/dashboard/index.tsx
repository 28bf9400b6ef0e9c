import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { BulletinItem, Dashboard, Rates, StatCounts } from '@contract/appeals';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { PagedListView } from '@/components/PagedList';
import { useRequest } from '@/hooks/useRequest';
import { formatPercent } from '@/utils/format';
import { formatTime } from '@/utils/time';
import { Chips } from '@/components/Chips';
import { StatusTag } from '@/components/StatusTag';
import { pressable, StaffPage } from '../shared/a11y';
import { RANGE_PRESETS, rangeOf, type RangePreset } from '../shared/dates';
import { STATUS_OPTIONS } from '../shared/labels';
import { Trail } from '../shared/Trail';
import { usePagedList } from '@/hooks/usePagedList';
import './index.scss';

const RATE_FIGURES: ReadonlyArray<{ key: keyof Rates; label: string; formula: string }> = [
  { key: 'response', label: '响应率', formula: '已响应 ÷ 受理' },
  { key: 'resolution', label: '解决率', formula: '已办结 ÷ 受理' },
  { key: 'satisfaction', label: '满意率', formula: '(满意+基本满意) ÷ 已评价' },
  { key: 'onTimeResolution', label: '按期办结率', formula: '按期办结 ÷ 已办结' },
];

const COUNT_FIGURES: ReadonlyArray<{ key: keyof StatCounts; label: string }> = [
  { key: 'received', label: '受理' },
  { key: 'responded', label: '已响应' },
  { key: 'resolved', label: '已办结' },
  { key: 'rated', label: '已评价' },
  { key: 'escalated', label: '上报/升级' },
  { key: 'autoClosed', label: '逾期未评自动完结' },
];

function BulletinRow({ item }: { item: BulletinItem }) {
  return (
    <View className="bulletin-item" data-testid="bulletin-item" {...pressable(() => void Taro.navigateTo({ url: routes.staffAppeal(item.appealId) }), 'link')}>
      <View className="bulletin-item__top">
        <Text className="bulletin-item__title">
          {item.categoryLabel} · {item.no}
        </Text>
        <StatusTag tone={item.reason === 'manual' ? 'primary' : 'danger'}>{item.reasonLabel}</StatusTag>
      </View>
      <Text className="bulletin-item__excerpt">{item.excerpt}</Text>
      <Text className="muted">
        {item.communityName} · {item.fromName} → {item.toName}（{item.toLevelLabel}） · {formatTime(item.at)}
      </Text>
    </View>
  );
}

/** Every bulletin of the unit, not only this period's; loaded when asked for. */
function AllBulletins({ unitId }: { unitId: string }) {
  const list = usePagedList<BulletinItem>((page) => api.appeals.bulletin({ unitId, page, pageSize: 20 }), [unitId]);
  return (
    <PagedListView
      list={list}
      testId="all-bulletins"
      endText={null}
      header={<Text className="muted">共 {list.total} 条通报</Text>}
      empty={<Text className="admin-empty">暂无通报</Text>}
      renderItem={(item) => <BulletinRow item={item} />}
    />
  );
}

function DashboardBody({ data, onDrill }: { data: Dashboard; onDrill: (unit: { id: string; name: string }) => void }) {
  const [allBulletins, setAllBulletins] = useState(false);
  const categories = data.byCategory.filter((c) => c.counts.received > 0);
  return (
    <View data-testid="dashboard">
      <View className="card">
        <View className="dashboard__unit">
          <Text className="card__title" data-testid="dashboard-unit">
            {data.unit.name}
          </Text>
          <Tag plain>{data.unit.levelLabel}</Tag>
        </View>
        <View className="dashboard__rates">
          {RATE_FIGURES.map((r) => (
            <View key={r.key} className="dashboard__rate">
              <Text className="dashboard__rate-value" data-testid={`rate-${r.key}`}>
                {formatPercent(data.rates[r.key])}
              </Text>
              <Text className="dashboard__rate-label">{r.label}</Text>
              <Text className="dashboard__rate-formula">{r.formula}</Text>
            </View>
          ))}
        </View>
        <Text className="muted">
          及时响应率 <Text data-testid="rate-onTimeResponse">{formatPercent(data.rates.onTimeResponse)}</Text>
          {'　'}“—”表示本期没有可计算的诉求
        </Text>
      </View>

      <View className="card">
        <Text className="card__title">数量</Text>
        <View className="dashboard__counts">
          {COUNT_FIGURES.map((c) => (
            <View key={c.key} className="dashboard__count">
              <Text className="dashboard__count-value" data-testid={`count-${c.key}`}>
                {data.totals[c.key]}
              </Text>
              <Text className="muted">{c.label}</Text>
            </View>
          ))}
        </View>
        <Text className="admin-section-label">按状态（当前）</Text>
        <View className="dashboard__counts">
          {STATUS_OPTIONS.map((s) => (
            <View key={s.value} className="dashboard__count">
              <Text className="dashboard__count-value" data-testid={`status-${s.value}`}>
                {data.byStatus[s.value] ?? 0}
              </Text>
              <Text className="muted">{s.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="card" data-testid="by-category">
        <Text className="card__title">按类别</Text>
        {categories.length === 0 ? (
          <Text className="admin-empty">本期没有诉求</Text>
        ) : (
          <View className="admin-table">
            <View className="admin-table__row admin-table__row--head">
              <Text className="admin-table__cell admin-table__cell--name">类别</Text>
              <Text className="admin-table__cell">受理</Text>
              <Text className="admin-table__cell">办结</Text>
              <Text className="admin-table__cell">解决率</Text>
              <Text className="admin-table__cell">满意率</Text>
            </View>
            {categories.map((c) => (
              <View key={c.category} className="admin-table__row" data-testid="category-row">
                <Text className="admin-table__cell admin-table__cell--name">{c.label}</Text>
                <Text className="admin-table__cell">{c.counts.received}</Text>
                <Text className="admin-table__cell">{c.counts.resolved}</Text>
                <Text className="admin-table__cell">{formatPercent(c.rates.resolution)}</Text>
                <Text className="admin-table__cell">{formatPercent(c.rates.satisfaction)}</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      {data.unit.level !== 'grid' && (
        <View className="card" data-testid="children">
          <Text className="card__title">下级单位</Text>
          {data.children.length === 0 ? (
            <Text className="admin-empty">没有下级单位</Text>
          ) : (
            <View className="admin-table">
              <View className="admin-table__row admin-table__row--head">
                <Text className="admin-table__cell admin-table__cell--name">单位</Text>
                <Text className="admin-table__cell">受理</Text>
                <Text className="admin-table__cell">响应率</Text>
                <Text className="admin-table__cell">解决率</Text>
                <Text className="admin-table__cell">满意率</Text>
              </View>
              {data.children.map((child) => (
                <View
                  key={child.id}
                  className="admin-table__row admin-table__row--link"
                  data-testid="child-row"
                  {...pressable(() => onDrill({ id: child.id, name: child.name }), 'link')}
                >
                  <Text className="admin-table__cell admin-table__cell--name">{child.name} ›</Text>
                  <Text className="admin-table__cell">{child.counts.received}</Text>
                  <Text className="admin-table__cell">{formatPercent(child.rates.response)}</Text>
                  <Text className="admin-table__cell">{formatPercent(child.rates.resolution)}</Text>
                  <Text className="admin-table__cell">{formatPercent(child.rates.satisfaction)}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}

      {data.unit.level === 'community' && (
        <Button block onClick={() => Taro.navigateTo({ url: routes.routingRules(data.unit.id) })} data-testid="open-rules">
          查看本社区流转规则
        </Button>
      )}

      <View className="card dashboard__bulletin" data-testid="bulletin">
        <Text className="card__title">问题通报</Text>
        {allBulletins ? (
          <AllBulletins unitId={data.unit.id} />
        ) : (
          <>
            {data.bulletin.length === 0 ? (
              <Text className="admin-empty">本期没有通报</Text>
            ) : (
              data.bulletin.map((item) => <BulletinRow key={item.id} item={item} />)
            )}
            <Button block size="small" onClick={() => setAllBulletins(true)} data-testid="all-bulletins-button">
              查看全部通报
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

/** 数据看板: the three rates (plus 按期办结率) for a unit and period, drillable to its children. */
export default function AdminDashboard() {
  const [preset, setPreset] = useState<RangePreset>('30d');
  /** Units drilled into, below the caller's own (the server's default: the first unit). */
  const [trail, setTrail] = useState<Array<{ id: string; name: string }>>([]);
  const [rootName, setRootName] = useState<string>();
  const range = rangeOf(preset);
  const unitId = trail[trail.length - 1]?.id;
  const state = useRequest(async () => {
    const data = await api.appeals.dashboard({ unitId, from: range.from, to: range.to });
    if (!unitId) setRootName(data.unit.name);
    return data;
  }, [unitId, range.from, range.to]);

  return (
    <StaffPage title="数据看板" className="dashboard">
      <View className="card">
        <Trail testId="trail" root={rootName ?? '我的辖区'} units={trail} onChange={setTrail} />
        <Chips testId="range" value={preset} onChange={setPreset} options={RANGE_PRESETS} />
        <Text className="muted dashboard__range" data-testid="range-text">
          统计区间：{range.from} 至 {range.to}
        </Text>
      </View>
      <AsyncView state={state}>{(data) => <DashboardBody key={data.unit.id} data={data} onDrill={(unit) => setTrail([...trail, unit])} />}</AsyncView>
    </StaffPage>
  );
}
