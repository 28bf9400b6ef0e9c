import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, BOOKING_MODE_LABELS, BOOKING_SUBSCRIPTIONS, HOME_REASON_LABELS, type BookingMode, type HomeReason } from '@contract/booking.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { askForUpdates } from '@/api/subscribe';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { Page } from '@/components/Page';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { uuid } from '@/utils/uuid';
import { Materials } from '../shared/Materials';
import { SlotPicker } from '../shared/SlotPicker';
import '../shared/booking.scss';

/** One request id per service until a booking is made: a retry after a lost answer books once. */
const requestKey = (serviceId: string) => `jy.bookingRequest.${serviceId}`;
function requestIdFor(serviceId: string): string {
  const kept: unknown = Taro.getStorageSync(requestKey(serviceId));
  if (typeof kept === 'string' && kept) return kept;
  const id = uuid();
  Taro.setStorageSync(requestKey(serviceId), id);
  return id;
}

export default function BookingService() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const serviceId = params.serviceId ?? '';
  const state = useRequest(() => api.booking.slots({ communityId, serviceId }), [communityId, serviceId]);
  const [slotId, setSlotId] = useState<string>();
  const [mode, setMode] = useState<BookingMode>('window');
  const [homeReason, setHomeReason] = useState<HomeReason | null>(null);
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(undefined);
    if (!slotId) return setError(new ApiError('INVALID_INPUT', '请选择预约时段', [{ path: 'slotId', message: '请选择预约时段' }]));
    await askForUpdates(BOOKING_SUBSCRIPTIONS);
    setBusy(true);
    try {
      const booking = await api.booking.book({
        requestId: requestIdFor(serviceId),
        communityId,
        serviceId,
        slotId,
        phone: phone.trim() || undefined,
        mode,
        homeReason: mode === 'home' ? (homeReason ?? undefined) : undefined,
        address: mode === 'home' ? address : undefined,
        note: note.trim() || undefined,
      });
      Taro.removeStorageSync(requestKey(serviceId));
      toast(`预约成功，预约码 ${booking.code}`, { carry: true });
      void Taro.redirectTo({ url: routes.bookingDetail(booking.id) });
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.code === 'NETWORK' ? new ApiError('NETWORK', '网络不稳定，预约还没有成功。请稍后再点“确认预约”，不会重复预约。') : apiError);
      if (apiError.code === 'CONFLICT') state.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="booking">
      <AsyncView state={state}>
        {({ community, service, days }) => (
          <>
            <View className="card" data-testid="service-card">
              <Text className="card__title">{service.name}</Text>
              <Text className="muted">
                {community.name} · 每次约 {service.minutes} 分钟
              </Text>
              {service.description && <Text className="muted">{service.description}</Text>}
              <Text className="text-field__label">材料清单（请带齐）</Text>
              <Materials items={service.materials} />
            </View>

            <View className="card">
              <Text className="card__title">选择时段（未来 {BOOKING_LIMITS.horizonDays} 天）</Text>
              <SlotPicker days={days} value={slotId} onChange={setSlotId} />
              <FieldError testId="slotId" message={error?.fieldMessage('slotId')} />
            </View>

            {service.homeVisit && (
              <View className="card">
                <Text className="card__title">办理方式</Text>
                <Chips testId="mode" options={(['window', 'home'] as const).map((m) => ({ value: m, label: BOOKING_MODE_LABELS[m] }))} value={mode} onChange={setMode} />
                {mode === 'home' && (
                  <>
                    <Text className="muted">上门服务仅面向高龄老人和残疾人</Text>
                    <Chips
                      testId="home-reason"
                      options={[{ value: null, label: '请选择原因' }, ...(['elderly', 'disabled'] as const).map((r) => ({ value: r, label: HOME_REASON_LABELS[r] }))]}
                      value={homeReason}
                      onChange={setHomeReason}
                    />
                    <FieldError testId="homeReason" message={error?.fieldMessage('homeReason')} />
                    <TextField label="上门地址" kind="line" testId="address" path="address" error={error} value={address} maxLength={BOOKING_LIMITS.addressMax} placeholder="楼栋、单元、门牌号" onChange={setAddress} />
                  </>
                )}
              </View>
            )}

            <View className="card">
              <TextField label="联系电话（选填）" kind="number" testId="phone" path="phone" error={error} value={phone} maxLength={13} placeholder="手机号，便于社区联系您" onChange={setPhone} />
              <TextField label="备注（选填）" testId="note" path="note" error={error} value={note} maxLength={BOOKING_LIMITS.noteMax} placeholder="想提前告诉工作人员的事" onChange={setNote} />
            </View>

            {error && !error.issues.length && (
              <Text className="field-error booking__error" data-testid="submit-error">
                {error.message}
              </Text>
            )}
            <View className="button-stack">
              <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="submit">
                确认预约
              </Button>
            </View>
          </>
        )}
      </AsyncView>
    </Page>
  );
}
