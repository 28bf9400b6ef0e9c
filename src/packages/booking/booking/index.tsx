import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, BOOKING_RATINGS, BOOKING_RATING_LABELS, type BookingRating, type BookingView } from '@contract/booking.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime, now } from '@/utils/time';
import { Materials } from '../shared/Materials';
import { SlotPicker } from '../shared/SlotPicker';
import '../shared/booking.scss';

type Run = (label: string, call: () => Promise<BookingView>) => Promise<void>;

function Reschedule({ booking, run, busy }: { booking: BookingView; run: Run; busy: boolean }) {
  const slots = useRequest(() => api.booking.slots({ communityId: booking.community.id, serviceId: booking.service.id }), [booking.id]);
  const [slotId, setSlotId] = useState<string>();
  return (
    <View className="card" data-testid="reschedule">
      <Text className="card__title">改约到其他时段</Text>
      <AsyncView state={slots}>{({ days }) => <SlotPicker days={days} value={slotId} onChange={setSlotId} />}</AsyncView>
      <Button
        block
        type="primary"
        loading={busy}
        disabled={!slotId || busy}
        onClick={() => slotId && void run('已改约', () => api.booking.reschedule({ id: booking.id, version: booking.version, slotId }))}
        data-testid="reschedule-submit"
      >
        确认改约
      </Button>
    </View>
  );
}

function RateForm({ booking, run, busy, error }: { booking: BookingView; run: Run; busy: boolean; error: ApiError | undefined }) {
  const [rating, setRating] = useState<BookingRating | null>(null);
  const [comment, setComment] = useState('');
  return (
    <View className="card" data-testid="rate">
      <Text className="card__title">评价本次服务</Text>
      <Chips<BookingRating | null>
        testId="rating"
        options={BOOKING_RATINGS.map((r) => ({ value: r, label: BOOKING_RATING_LABELS[r] }))}
        value={rating}
        onChange={setRating}
      />
      <FieldError testId="rating" message={error?.fieldMessage('rating')} />
      <TextField label="说说您的感受（选填）" testId="comment" path="comment" error={error} value={comment} maxLength={BOOKING_LIMITS.commentMax} onChange={setComment} />
      <Button
        block
        type="primary"
        loading={busy}
        disabled={!rating || busy}
        onClick={() => rating && void run('感谢您的评价', () => api.booking.rate({ id: booking.id, rating, comment: comment.trim() || undefined }))}
        data-testid="rate-submit"
      >
        提交评价
      </Button>
    </View>
  );
}

function Detail({ booking, setBooking }: { booking: BookingView; setBooking: (b: BookingView) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [rescheduling, setRescheduling] = useState(false);
  const beforeCutoff = now().getTime() < new Date(booking.changeUntil).getTime();

  const run: Run = async (label, call) => {
    setBusy(true);
    setError(undefined);
    try {
      setBooking(await call());
      setRescheduling(false);
      toast(label);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="card" data-testid="booking-card">
        <Text className="card__title">{booking.service.name}</Text>
        <Text className="muted">预约码（到窗口出示）</Text>
        <View ariaLabel={`预约码 ${booking.code.split('').join(' ')}`}>
          <Text className="booking__code" data-testid="booking-code">
            {booking.code}
          </Text>
        </View>
        {booking.codeQr && (
          <Image className="booking__qr" src={booking.codeQr} mode="aspectFit" ariaLabel="预约码二维码" nativeProps={{ alt: '预约码二维码' }} data-testid="booking-qr" />
        )}
        <InfoRow label="状态" value={booking.statusLabel} testId="booking-status" />
        <InfoRow label="时间" value={`${booking.slot.day} ${booking.slot.label}${booking.slot.afterHours ? `（${booking.slot.kindLabel}）` : ''}`} testId="booking-time" />
        <InfoRow label="地点" value={`${booking.community.name} ${booking.window.name}`} />
        <InfoRow label="方式" value={booking.home ? `${booking.modeLabel}：${booking.home.address}` : booking.modeLabel} />
        {booking.community.phone && <InfoRow label="社区电话" value={booking.community.phone} />}
        <InfoRow label="预约时间" value={formatTime(booking.createdAt)} />
        {booking.checkedInAt && <InfoRow label="签到" value={formatTime(booking.checkedInAt)} />}
        {booking.served && <InfoRow label="办结" value={`${formatTime(booking.served.at)} ${booking.served.byName}：${booking.served.note}`} testId="booking-served" />}
        {booking.cancelled && <InfoRow label="已取消" value={`${formatTime(booking.cancelled.at)}${booking.cancelled.reason ? ` ${booking.cancelled.reason}` : ''}`} />}
        {booking.can.cancel && <Text className="muted">可在 {formatTime(booking.changeUntil)} 前取消或改约</Text>}
      </View>

      <View className="card">
        <Text className="card__title">材料清单</Text>
        <Materials items={booking.service.materials} />
      </View>

      {booking.rating && (
        <View className="card" data-testid="booking-rating">
          <Text className="card__title">我的评价：{booking.rating.label}</Text>
          {booking.rating.comment && <Text>{booking.rating.comment}</Text>}
          {booking.complaint && <Text className="muted">社区回复：{booking.complaint.answer ?? `将于 ${formatTime(booking.complaint.dueAt)} 前回复`}</Text>}
        </View>
      )}

      {error && (
        <Text className="field-error booking__error" data-testid="action-error">
          {error.message}
        </Text>
      )}

      {booking.can.rate && <RateForm booking={booking} run={run} busy={busy} error={error} />}
      {rescheduling && booking.can.reschedule && <Reschedule booking={booking} run={run} busy={busy} />}

      <View className="button-stack">
        {booking.can.reschedule && beforeCutoff && !rescheduling && (
          <Button block onClick={() => setRescheduling(true)} data-testid="reschedule-open">
            改约
          </Button>
        )}
        {booking.can.cancel && (
          <Button
            block
            loading={busy}
            disabled={busy}
            onClick={() =>
              void Taro.showModal({ title: '取消预约', content: '确定取消这次预约吗？' }).then(
                (r) => {
                  if (r.confirm) void run('预约已取消', () => api.booking.cancel({ id: booking.id, version: booking.version }));
                },
              )
            }
            data-testid="cancel"
          >
            取消预约
          </Button>
        )}
        <Button block onClick={() => void Taro.navigateTo({ url: routes.myBookings() })} data-testid="open-mine">
          我的预约
        </Button>
      </View>
    </>
  );
}

export default function BookingDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRequest(() => api.booking.detail({ id }), [id]);
  useDidShow(() => state.data && state.reload());
  return (
    <Page className="booking">
      <AsyncView state={state}>{(booking) => <Detail booking={booking} setBooking={state.setData} />}</AsyncView>
    </Page>
  );
}
