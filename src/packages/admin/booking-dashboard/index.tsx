import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { BOOKING_RATINGS, BOOKING_RATING_LABELS, type BookingCounts, type BookingRates } from '@contract/booking.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { InfoRow } from '@/components/InfoRow';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { useRequest } from '@/hooks/useRequest';
import { addDays, today } from '@/utils/time';
import '../../booking/shared/booking.scss';

type Span = 7 | 30 | 90;

const percent = (rate: number | null) => (rate === null ? '暂无' : `${Math.round(rate * 1000) / 10}%`);
const minutes = (m: number | null) => (m === null ? '暂无' : m >= 60 * 24 ? `${Math.round(m / 60 / 24)} 天` : m >= 60 ? `${Math.round(m / 6) / 10} 小时` : `${Math.round(m)} 分钟`);

function Figures({ counts, rates }: { counts: BookingCounts; rates: BookingRates }) {
  return (
    <>
      <InfoRow label="预约数" value={String(counts.bookings)} testId="figure-bookings" />
      <InfoRow label="已办结" value={String(counts.served)} testId="figure-served" />
      <InfoRow label="已取消" value={String(counts.cancelled)} />
      <InfoRow label="爽约" value={`${counts.noShow}（爽约率 ${percent(rates.noShow)}）`} testId="figure-no-show" />
      <InfoRow label="延时错时预约" value={`${counts.afterHours}（占 ${percent(rates.afterHoursShare)}）`} testId="figure-after-hours" />
      <InfoRow label="平均等待" value={minutes(rates.averageWaitMinutes)} />
      <InfoRow label="满意率" value={`${percent(rates.satisfaction)}（${counts.rated} 人评价）`} testId="figure-satisfaction" />
      <InfoRow label="差评" value={`${counts.complaints}（按时回复 ${percent(rates.answeredOnTime)}，超期 ${counts.overdue}）`} testId="figure-complaints" />
    </>
  );
}

export default function BookingDashboard() {
  const { params } = useRouter();
  const [span, setSpan] = useState<Span>(30);
  const to = today();
  const from = addDays(to, -(span - 1));
  const state = useRequest(() => api.booking.dashboard({ unitId: params.unitId, from, to }), [span, params.unitId]);
  return (
    <Page className="booking">
      <Chips<Span>
        testId="span"
        options={[
          { value: 7, label: '近7天' },
          { value: 30, label: '近30天' },
          { value: 90, label: '近90天' },
        ]}
        value={span}
        onChange={setSpan}
      />
      <AsyncView state={state}>
        {(d) => (
          <>
            <View className="card" data-testid="dashboard-totals">
              <Text className="card__title">{d.unit.name}</Text>
              <Text className="muted">
                {d.from} 至 {d.to}
              </Text>
              <Figures counts={d.totals} rates={d.rates} />
            </View>
            <View className="card" data-testid="dashboard-ratings">
              <Text className="card__title">好差评</Text>
              {BOOKING_RATINGS.map((r) => (
                <InfoRow key={r} label={BOOKING_RATING_LABELS[r]} value={String(d.ratings[r])} />
              ))}
            </View>
            {d.children.map((c) => (
              <View key={c.id} className="card" data-testid="dashboard-child">
                <LinkRow title={c.name} description={`预约 ${c.counts.bookings} · 办结 ${c.counts.served} · 满意率 ${percent(c.rates.satisfaction)}`} onClick={() => void Taro.navigateTo({ url: routes.bookingDashboard(c.id) })} />
              </View>
            ))}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
