import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, codeFromScan, type BookingSummary, type BookingView, type DayView } from '@contract/booking.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { addDays, today } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import { SlotPicker } from '../../booking/shared/SlotPicker';
import { ApprovalQueue } from '../booking-shared/ApprovalQueue';
import { Complaints } from '../booking-shared/Complaints';
import '../../booking/shared/booking.scss';

type Act = (label: string, call: () => Promise<BookingView>) => Promise<boolean>;

function BookingRow({ item, act, busy }: { item: BookingSummary; act: Act; busy: boolean }) {
  const [serving, setServing] = useState(false);
  const [note, setNote] = useState('');
  const open = item.status === 'booked' || item.status === 'checked_in';
  const withVersion = async (run: (b: BookingView) => Promise<BookingView>) => run(await api.booking.detail({ id: item.id }));
  return (
    <View className="card" data-testid="day-booking" data-id={item.id} data-status={item.status}>
      <View className="item-top">
        <Text className="card__title">
          {item.slot.label} {item.residentName}
        </Text>
        <StatusTag tone={open ? 'primary' : 'neutral'}>{item.statusLabel}</StatusTag>
      </View>
      <Text>
        {item.serviceName}
        {item.mode === 'home' ? ' · 上门服务' : ''}
        {item.channel === 'phone' ? ' · 电话预约' : ''}
      </Text>
      <Text className="muted">预约码 {item.code}</Text>
      {open && (
        <View className="button-stack">
          {item.status === 'booked' && (
            <Button block type="primary" disabled={busy} onClick={() => void act('已签到', () => api.booking.checkIn({ id: item.id }))} data-testid="check-in">
              签到
            </Button>
          )}
          {serving ? (
            <>
              <TextField label="办理结果" testId="serve-note" path="note" value={note} maxLength={BOOKING_LIMITS.noteMax} placeholder="例如：已开具居住证明" onChange={setNote} />
              <Button
                block
                type="primary"
                disabled={busy}
                onClick={() =>
                  void act('已办结', () => withVersion((b) => api.booking.serve({ id: b.id, version: b.version, note }))).then((ok) => ok && setServing(false))
                }
                data-testid="serve-submit"
              >
                确认办结
              </Button>
            </>
          ) : (
            <Button block disabled={busy} onClick={() => setServing(true)} data-testid="serve">
              办结
            </Button>
          )}
          {item.status === 'booked' && (
            <Button block fill="outline" disabled={busy} onClick={() => void act('已记爽约', () => withVersion((b) => api.booking.noShow({ id: b.id, version: b.version })))} data-testid="no-show">
              记爽约
            </Button>
          )}
        </View>
      )}
    </View>
  );
}

function PhoneBooking({ communityId, onBooked }: { communityId: string; onBooked: () => void }) {
  const services = useRequest(() => api.booking.services({ communityId }), [communityId]);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const slots = useRequest(() => api.booking.slots({ communityId, serviceId: serviceId! }), [serviceId], Boolean(serviceId));
  const [slotId, setSlotId] = useState<string>();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [requestId, setRequestId] = useState(uuid);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(undefined);
    if (!serviceId || !slotId) return setError(new ApiError('INVALID_INPUT', '请选择服务和时段', [{ path: 'slotId', message: '请选择服务和时段' }]));
    setBusy(true);
    try {
      const booking = await api.booking.phoneBook({ requestId, communityId, serviceId, slotId, name, phone, mode: 'window' });
      toast(`已代为预约，预约码 ${booking.code}`);
      setRequestId(uuid());
      setSlotId(undefined);
      setName('');
      setPhone('');
      onBooked();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="phone-booking">
      <Text className="card__title">电话预约（代居民预约）</Text>
      <AsyncView state={services}>
        {(data) => (
          <Chips<string | null>
            testId="phone-service"
            options={[{ value: null, label: '请选择服务' }, ...data.services.map((s) => ({ value: s.id, label: s.name }))]}
            value={serviceId}
            onChange={(v) => (setServiceId(v), setSlotId(undefined))}
          />
        )}
      </AsyncView>
      {serviceId && <AsyncView state={slots}>{({ days }) => <SlotPicker days={days} value={slotId} onChange={setSlotId} />}</AsyncView>}
      <FieldError testId="phone-slot" message={error?.fieldMessage('slotId')} />
      <TextField label="来电人姓名" kind="line" testId="phone-name" path="name" error={error} value={name} maxLength={BOOKING_LIMITS.nameMax} onChange={setName} />
      <TextField label="联系电话" kind="number" testId="phone-number" path="phone" error={error} value={phone} maxLength={13} onChange={setPhone} />
      {error && !error.issues.length && <Text className="field-error booking__error">{error.message}</Text>}
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="phone-submit">
        代为预约
      </Button>
    </View>
  );
}

function DayBody({ view, reload, communityId }: { view: DayView; reload: () => void; communityId: string }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [phoneOpen, setPhoneOpen] = useState(false);

  const act: Act = async (label, call) => {
    setBusy(true);
    setError(undefined);
    try {
      const b = await call();
      toast(`${label}：${b.resident.name} ${b.service.name}`);
      reload();
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const checkInByCode = (value: string) => act('已签到', () => api.booking.checkIn({ communityId, code: value })).then((ok) => ok && setCode(''));

  const scan = async () => {
    let text: string;
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] as never })).result;
    } catch {
      return; // closed the camera
    }
    const scanned = codeFromScan(text);
    if (scanned) await checkInByCode(scanned);
    else setError(new ApiError('INVALID_INPUT', '这不是预约码，请扫描居民“我的预约”中的二维码'));
  };

  const total = view.windows.reduce((n, w) => n + w.bookings.length, 0);
  const pending = view.windows.flatMap((w) => w.bookings.filter((b) => b.status === 'pending_approval'));
  return (
    <>
      <View className="card" data-testid="day-summary">
        <Text className="card__title">
          {view.community.name} {view.day}
        </Text>
        {view.closed && <Text className="field-error">今日不开放：{view.closed}</Text>}
        <Text className="muted" data-testid="day-counts">
          共 {total} 个预约 · 已签到 {view.counts.checked_in} · 已办结 {view.counts.served} · 爽约 {view.counts.no_show}
        </Text>
        {view.duties.map((d) => (
          <Text key={d.sessionId} className="muted">
            {d.sessionName} {d.label} 值班：{d.staff.map((s) => s.name).join('、') || '无人值班'}
          </Text>
        ))}
      </View>

      <ApprovalQueue items={pending} onDone={reload} />

      <View className="card">
        <TextField label="按预约码签到" kind="number" testId="code" path="code" error={error} value={code} maxLength={6} placeholder="6位预约码" onChange={setCode} />
        <Button
          block
          type="primary"
          disabled={busy || code.trim().length === 0}
          onClick={() => void checkInByCode(code.trim())}
          data-testid="code-check-in"
        >
          签到
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button block fill="outline" disabled={busy} onClick={() => void scan()} data-testid="scan-check-in">
            扫码签到
          </Button>
        )}
      </View>

      {error && !error.issues.length && (
        <Text className="field-error booking__error" data-testid="day-error">
          {error.message}
        </Text>
      )}

      {total === 0 && <EmptyState title="当天没有预约" testId="day-empty" />}
      {view.windows.map((w) =>
        w.bookings.length === 0 ? null : (
          <View key={w.window.id} data-testid="day-window">
            <Text className="card__title">{w.window.name}</Text>
            {[...w.bookings]
              .sort((a, b) => a.slot.start.localeCompare(b.slot.start))
              .map((item) => (
                <BookingRow key={`${item.id}-${item.status}`} item={item} act={act} busy={busy} />
              ))}
          </View>
        ),
      )}

      {phoneOpen ? (
        <PhoneBooking communityId={view.community.id} onBooked={reload} />
      ) : (
        <Button block onClick={() => setPhoneOpen(true)} data-testid="phone-open">
          电话预约
        </Button>
      )}

      <Complaints />
    </>
  );
}

export default function BookingDay() {
  const { params } = useRouter();
  const [day, setDay] = useState(params.day ?? today());
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const state = useRequest(() => api.booking.day({ communityId: params.communityId, day, name: query || undefined }), [day, query]);
  useDidShow(() => state.data && state.reload());
  const t = today();
  return (
    <Page className="booking">
      <Chips<string>
        testId="day"
        options={[
          { value: t, label: '今天' },
          { value: addDays(t, 1), label: '明天' },
          { value: addDays(t, 2), label: '后天' },
        ]}
        value={day}
        onChange={setDay}
      />
      <View className="card">
        <TextField label="按姓名查找" kind="line" testId="name" path="name" value={name} maxLength={BOOKING_LIMITS.nameMax} placeholder="居民姓名" onChange={setName} />
        <Button block onClick={() => setQuery(name.trim())} data-testid="name-search">
          查找
        </Button>
      </View>
      <AsyncView state={state}>{(view) => <DayBody view={view} reload={state.reload} communityId={view.community.id} />}</AsyncView>
    </Page>
  );
}
