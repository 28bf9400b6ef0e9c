import { useRef, useState } from 'react';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { AppealCategory, AppealStatus, InboxItem } from '@contract/appeals';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { DueTag } from '@/components/appeal/AppealOverview';
import { PagedListView } from '@/components/PagedList';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { Chips, ToggleChip } from '@/components/Chips';
import { StatusTag, type TagTone } from '@/components/StatusTag';
import { pressable, StaffPage } from '../shared/a11y';
import { STATUS_OPTIONS } from '../shared/labels';
import { usePagedList } from '@/hooks/usePagedList';
import './index.scss';

type Scope = 'all' | 'todo' | 'mine' | 'firstResponder';

const SCOPES: ReadonlyArray<{ value: Scope; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'todo', label: '待办' },
  { value: 'mine', label: '我办理的' },
  { value: 'firstResponder', label: '我首问的' },
];

const EMPTY_TEXT: Record<Scope, string> = {
  all: '辖区内暂无诉求',
  todo: '暂无待办诉求',
  mine: '您当前没有正在办理的诉求',
  firstResponder: '您还没有首问签收过诉求',
};

const PAGE_SIZE = 20;

/** Short labels so the status chips fit one line. */
const STATUS_CHIPS: ReadonlyArray<{ value: AppealStatus | null; label: string }> = [
  { value: null, label: '全部' },
  ...STATUS_OPTIONS.map((s) => ({ value: s.value, label: s.value === 'resolved' ? '待评价' : s.label })),
];

/** The status tag's colour: white on the theme's dark reds, dark on grey (each ≥ 4.5 : 1). */
const STATUS_TONE: Record<AppealStatus, TagTone> = { pending: 'danger', processing: 'primary', resolved: 'neutral', closed: 'neutral' };

function InboxCard({ item }: { item: InboxItem }) {
  return (
    <View className="card inbox-item" data-testid="inbox-item" data-id={item.id} {...pressable(() => void Taro.navigateTo({ url: routes.staffAppeal(item.id) }), 'link')}>
      <View className="inbox-item__top">
        <Text className="inbox-item__category">{item.categoryLabel}</Text>
        <View className="inbox-item__tags">
          {/* NutUI's Tag drops data-* attributes, so the test ids sit on a wrapper. */}
          {item.isFirstResponder && (
            <View data-testid="first-responder-badge">
              <Tag type="success" plain>
                首问
              </Tag>
            </View>
          )}
          <View data-testid={item.due && item.due !== 'ok' ? `inbox-item-due-${item.due}` : undefined}>
            <DueTag state={item.due} />
          </View>
          <View data-testid="inbox-item-status" data-status={item.status}>
            <StatusTag tone={STATUS_TONE[item.status]}>{item.statusLabel}</StatusTag>
          </View>
        </View>
      </View>
      <Text className="inbox-item__excerpt">{item.excerpt}</Text>
      <Text className="muted">
        {item.no} · {item.address && item.address.includes(item.buildingName) ? item.address : [item.buildingName, item.address].filter(Boolean).join(' · ')}
      </Text>
      <View className="inbox-item__meta">
        <Text className="muted" data-testid="inbox-item-holder">
          办理：{item.holderName}
          {item.handlerName ? ` · ${item.handlerName}` : '（待签收）'}
        </Text>
        {item.firstResponderName && <Text className="muted">首问：{item.firstResponderName}</Text>}
      </View>
      <View className="inbox-item__meta">
        <Text className="muted">
          {formatTime(item.filedAt)}
          {item.dueAt ? ` · 时限 ${formatTime(item.dueAt)}` : ''}
        </Text>
        <Text className="muted">
          {item.followerCount > 0 ? `${item.followerCount} 人附议` : ''}
          {item.pressCount > 0 ? ` · 督办 ${item.pressCount} 次` : ''}
          {item.escalationCount > 0 ? ` · 上报 ${item.escalationCount} 次` : ''}
        </Text>
      </View>
    </View>
  );
}

/** 诉求工单: the appeals in the caller's jurisdiction, by scope and filters, page by page. */
export default function AdminInbox() {
  const [scope, setScope] = useState<Scope>('all');
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const [category, setCategory] = useState<AppealCategory | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [dueSoon, setDueSoon] = useState(false);
  const [showCategories, setShowCategories] = useState(false);

  const categories = useRequest(() => api.appeals.categories({}), []);
  const list = usePagedList<InboxItem>(
    (page) =>
      api.appeals.inbox({
        scope,
        status: status ?? undefined,
        category: category ?? undefined,
        overdue: overdue || undefined,
        dueSoon: dueSoon || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [scope, status, category, overdue, dueSoon],
  );

  // Coming back from an appeal: its status may have changed; refresh without blanking the list.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) list.reload(true);
    shown.current = true;
  });
  useReachBottom(() => list.loadMore());

  const filtered = status !== null || category !== null || overdue || dueSoon;
  const clearFilters = () => {
    setStatus(null);
    setCategory(null);
    setOverdue(false);
    setDueSoon(false);
  };

  return (
    <StaffPage title="诉求工单" className="inbox">
      <View className="inbox__scopes" ariaRole="tablist">
        {SCOPES.map((s) => (
          <View
            key={s.value}
            className={`inbox__scope${s.value === scope ? ' inbox__scope--active' : ''}`}
            data-testid={`scope-${s.value}`}
            aria-selected={s.value === scope ? 'true' : 'false'}
            {...pressable(() => setScope(s.value), 'tab')}
          >
            <Text>{s.label}</Text>
          </View>
        ))}
      </View>

      <View className="card inbox__filters">
        <Chips testId="filter-status" value={status} onChange={setStatus} options={STATUS_CHIPS} />
        <View className="chips inbox__filter-row">
          <ToggleChip testId="filter-overdue" label="已超期" checked={overdue} onChange={setOverdue} />
          <ToggleChip testId="filter-due-soon" label="即将超期" checked={dueSoon} onChange={setDueSoon} />
          <View
            className={`chip${category ? ' chip--active' : ''}`}
            data-testid="filter-category-toggle"
            aria-expanded={showCategories ? 'true' : 'false'}
            {...pressable(() => setShowCategories(!showCategories))}
          >
            <Text>
              类别：{category ? (categories.data?.find((c) => c.key === category)?.label ?? '已选') : '全部'} {showCategories ? '▴' : '▾'}
            </Text>
          </View>
        </View>
        {showCategories && (
          <View className="inbox__categories">
            {categories.error ? (
              <View className="inbox__inline-error">
                <Text className="field-error">类别加载失败：{categories.error.message}</Text>
                <Button size="mini" onClick={categories.reload}>
                  重试
                </Button>
              </View>
            ) : categories.data ? (
              <Chips
                testId="filter-category"
                value={category}
                onChange={(key) => {
                  setCategory(key);
                  setShowCategories(false);
                }}
                options={[{ value: null, label: '全部类别' }, ...categories.data.map((c) => ({ value: c.key, label: c.label }))]}
              />
            ) : (
              <Text className="muted">类别加载中…</Text>
            )}
          </View>
        )}
      </View>

      <PagedListView
        list={list}
        testId="inbox-list"
        header={
          <Text className="muted inbox__total" data-testid="inbox-total">
            共 {list.total} 件{filtered ? '（已筛选）' : ''}
          </Text>
        }
        empty={
          <View className="card" data-testid="inbox-empty">
            <Text className="admin-empty">{filtered ? '没有符合筛选条件的诉求' : EMPTY_TEXT[scope]}</Text>
            {filtered && (
              <Button size="small" block onClick={clearFilters}>
                清除筛选
              </Button>
            )}
          </View>
        }
        renderItem={(item) => <InboxCard item={item} />}
      />
    </StaffPage>
  );
}
