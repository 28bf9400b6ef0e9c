import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { PeriodTotal } from '@contract/volunteer.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import '../shared/volunteer.scss';

function Total({ total, testId }: { total: PeriodTotal; testId: string }) {
  return (
    <View className="volunteer__total" data-testid={testId}>
      <Text className="volunteer__total-label">{total.label}</Text>
      <Text>
        <Text className="volunteer__hours">{total.hours}</Text> 小时 · {total.activities}次
      </Text>
    </View>
  );
}

export default function ServiceRecordPage() {
  const state = useRequest(() => api.volunteer.myRecord({}), []);
  useDidShow(() => state.reload());
  return (
    <Page className="volunteer">
      <AsyncView state={state}>
        {(record) => (
          <>
            <View className="card">
              <Text className="card__title">{record.name}的志愿服务</Text>
              <View className="volunteer__totals">
                <Total total={record.totals.year} testId="total-year" />
                <Total total={record.totals.halfYear} testId="total-half" />
                <Total total={record.totals.all} testId="total-all" />
              </View>
              <Text className="muted">时长按签到、签退计算，按社区规则取整；同一时间参加多个活动只计一次</Text>
              <LinkRow title="开具志愿服务证明" onClick={() => void Taro.navigateTo({ url: routes.volunteerCertificate() })} testId="open-certificate" />
            </View>
            {record.items.length === 0 ? (
              <EmptyState title="还没有服务记录" description="报名参加志愿活动并现场签到、签退后，时长会记在这里" />
            ) : (
              record.items.map((i) => (
                <View key={i.activityId} className="card jy-tap" data-testid="record-item" data-id={i.activityId} ariaRole="link" onClick={() => void Taro.navigateTo({ url: routes.volunteerActivity(i.activityId) })}>
                  <View className="item-top">
                    <Text className="card__title">{i.title}</Text>
                    {!i.upcoming || i.checkOutAt ? (
                      <Text className="volunteer__hours">{i.hours}小时</Text>
                    ) : i.checkInAt ? (
                      <StatusTag tone="primary">已签到</StatusTag>
                    ) : (
                      <StatusTag tone={i.upcoming.status === 'signed_up' ? 'primary' : 'warning'}>{i.upcoming.waitingPosition ? `候补第${i.upcoming.waitingPosition}位` : i.upcoming.statusLabel}</StatusTag>
                    )}
                  </View>
                  <Text className="muted">
                    {i.typeLabel} · {i.teamName} · {formatTime(i.start)}
                  </Text>
                  <Text className="muted">
                    {i.checkInAt ? `签到 ${formatTime(i.checkInAt)}` : i.upcoming ? '待参加' : '未签到'}
                    {i.checkOutAt ? ` · 签退 ${formatTime(i.checkOutAt)}` : ''}
                    {i.corrected ? ' · 队长已更正' : ''}
                  </Text>
                </View>
              ))
            )}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
