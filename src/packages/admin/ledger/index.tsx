/**
 * 导出台账: choose the range and the inbox's filters, ask for the Excel file, watch it being written
 * in the background, download it (weapp: opened in WeChat's document viewer; H5: the browser).
 */
import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { APPEAL_CATEGORIES, APPEAL_CATEGORY_KEYS, type AppealCategory, type AppealStatus } from '@contract/appeals.constants';
import { BOOKING_MODE_LABELS, BOOKING_MODES, BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingMode, type BookingStatus } from '@contract/booking.constants';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, type ActivityType } from '@contract/volunteer.constants';
import { MATTER_SCOPE_LABELS, MATTER_SCOPES, MATTER_STAGE_LABELS, MATTER_STAGES, type MatterScope, type MatterStage } from '@contract/council.constants';
import type { ExportKind, ExportStatus, ExportView, RequestExportInput } from '@contract/ledger';
import { api } from '@/api';
import { toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag, type TagTone } from '@/components/StatusTag';
import { EmptyState } from '@/components/EmptyState';
import { toast } from '@/components/toast';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import { RANGE_PRESETS, rangeOf, type RangePreset } from '../shared/dates';
import { useFileJobs } from '../shared/useFileJobs';
import { STATUS_OPTIONS } from '../shared/labels';
import { openFile } from '../shared/openFile';
import './index.scss';

const TONES: Record<ExportStatus, TagTone> = { queued: 'neutral', running: 'warning', done: 'primary', failed: 'danger' };
const CATEGORY_OPTIONS = [{ value: null, label: '全部类别' }, ...APPEAL_CATEGORY_KEYS.map((value) => ({ value, label: APPEAL_CATEGORIES[value].label }))];
const BOOKING_STATUS_OPTIONS = [{ value: null, label: '全部状态' }, ...BOOKING_STATUSES.map((value) => ({ value, label: BOOKING_STATUS_LABELS[value] }))];
const BOOKING_MODE_OPTIONS = [{ value: null, label: '全部方式' }, ...BOOKING_MODES.map((value) => ({ value, label: BOOKING_MODE_LABELS[value] }))];
const STAGE_OPTIONS = [{ value: null, label: '全部阶段' }, ...MATTER_STAGES.map((value) => ({ value, label: MATTER_STAGE_LABELS[value] }))];
const SCOPE_OPTIONS = [{ value: null, label: '全部范围' }, ...MATTER_SCOPES.map((value) => ({ value, label: MATTER_SCOPE_LABELS[value] }))];
const KIND_OPTIONS: ReadonlyArray<{ value: ExportKind; label: string }> = [
  { value: 'appeals', label: '诉求台账' },
  { value: 'bookings', label: '预约台账' },
  { value: 'volunteerHours', label: '志愿服务台账' },
  { value: 'councilMatters', label: '议事台账' },
];
const TYPE_OPTIONS = [{ value: null, label: '全部类型' }, ...ACTIVITY_TYPES.map((value) => ({ value, label: ACTIVITY_TYPE_LABELS[value] }))];
/** Which day of a row the range is about. */
const RANGE_LABELS: Record<ExportKind, string> = { appeals: '提交日期', bookings: '预约日期', volunteerHours: '活动日期', councilMatters: '提出日期' };

/** Opens a finished file: WeChat's viewer on weapp, a new tab on H5. */
async function openExport(item: ExportView): Promise<void> {
  const { url } = await api.ledger.download({ id: item.id });
  await openFile(url, 'xlsx');
}

function progressText(item: ExportView): string {
  if (item.status === 'running') return item.rows > 0 ? `正在生成，已写入 ${item.rows} 行` : '正在生成…';
  if (item.status === 'done') return `共 ${item.rows} 行 · ${formatTime(item.finishedAt)} 生成`;
  if (item.status === 'failed') return item.error ?? '生成失败';
  return '等待生成，通常一分钟内开始';
}

function ExportRow({ item }: { item: ExportView }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await openExport(item);
    } catch (error) {
      toast(toApiError(error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid={`export-${item.id}`}>
      <View className="ledger__row">
        <Text className="card__title">
          {item.kindLabel} · {item.unitName}
        </Text>
        <StatusTag tone={TONES[item.status]}>
          <Text data-testid="export-status">{item.statusLabel}</Text>
        </StatusTag>
      </View>
      <Text className="muted">
        {item.from} 至 {item.to} · {item.filterText}
      </Text>
      <Text className={item.status === 'failed' ? 'ledger__error' : 'muted'} data-testid="export-progress">
        {progressText(item)}
      </Text>
      {item.status === 'done' && (
        <Button size="small" type="primary" loading={busy} onClick={() => void download()} data-testid="export-download">
          下载 Excel
        </Button>
      )}
    </View>
  );
}

function AppealFilters(props: {
  status: AppealStatus | null;
  setStatus: (v: AppealStatus | null) => void;
  category: AppealCategory | null;
  setCategory: (v: AppealCategory | null) => void;
  overdue: boolean;
  setOverdue: (v: boolean) => void;
}) {
  return (
    <>
      <Chips<AppealStatus | null> testId="status" value={props.status} onChange={props.setStatus} options={[{ value: null, label: '全部状态' }, ...STATUS_OPTIONS]} />
      <Chips<AppealCategory | null> testId="category" value={props.category} onChange={props.setCategory} options={CATEGORY_OPTIONS} />
      <Chips<'all' | 'overdue'> testId="overdue" value={props.overdue ? 'overdue' : 'all'} onChange={(v) => props.setOverdue(v === 'overdue')} options={[{ value: 'all', label: '不限' }, { value: 'overdue', label: '仅已超时' }]} />
    </>
  );
}

export default function LedgerPage() {
  const [kind, setKind] = useState<ExportKind>('appeals');
  const [bookingStatus, setBookingStatus] = useState<BookingStatus | null>(null);
  const [mode, setMode] = useState<BookingMode | null>(null);
  const [preset, setPreset] = useState<RangePreset>('30d');
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const [category, setCategory] = useState<AppealCategory | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [activityType, setActivityType] = useState<ActivityType | null>(null);
  const [correctedOnly, setCorrectedOnly] = useState(false);
  const [stage, setStage] = useState<MatterStage | null>(null);
  const [scope, setScope] = useState<MatterScope | null>(null);
  const range = rangeOf(preset);
  const { list, submitting, request } = useFileJobs((page) => api.ledger.list({ page, pageSize: 10 }));

  const submit = () =>
    request(() => {
      const common = { requestId: uuid(), from: range.from, to: range.to };
      const input: Record<ExportKind, RequestExportInput> = {
        appeals: { ...common, kind: 'appeals', filters: { ...(status ? { status } : {}), ...(category ? { category } : {}), ...(overdue ? { overdue: true } : {}) } },
        bookings: { ...common, kind: 'bookings', filters: { ...(bookingStatus ? { status: bookingStatus } : {}), ...(mode ? { mode } : {}) } },
        volunteerHours: { ...common, kind: 'volunteerHours', filters: { ...(activityType ? { type: activityType } : {}), ...(correctedOnly ? { corrected: true } : {}) } },
        councilMatters: { ...common, kind: 'councilMatters', filters: { ...(stage ? { stage } : {}), ...(scope ? { scope } : {}) } },
      };
      return api.ledger.request(input[kind]);
    });

  return (
    <Page className="ledger">
      <View className="card">
        <Chips<ExportKind> testId="kind" value={kind} onChange={setKind} options={KIND_OPTIONS} />
        <Chips testId="range" value={preset} onChange={setPreset} options={RANGE_PRESETS} />
        <Text className="muted" data-testid="range-text">
          {RANGE_LABELS[kind]}：{range.from} 至 {range.to}
        </Text>
        {kind === 'appeals' && (
          <AppealFilters status={status} setStatus={setStatus} category={category} setCategory={setCategory} overdue={overdue} setOverdue={setOverdue} />
        )}
        {kind === 'bookings' && (
          <>
            <Chips<BookingStatus | null> testId="booking-status" value={bookingStatus} onChange={setBookingStatus} options={BOOKING_STATUS_OPTIONS} />
            <Chips<BookingMode | null> testId="mode" value={mode} onChange={setMode} options={BOOKING_MODE_OPTIONS} />
          </>
        )}
        {kind === 'volunteerHours' && (
          <>
            <Chips<ActivityType | null> testId="activity-type" value={activityType} onChange={setActivityType} options={TYPE_OPTIONS} />
            <Chips<'all' | 'corrected'> testId="corrected" value={correctedOnly ? 'corrected' : 'all'} onChange={(v) => setCorrectedOnly(v === 'corrected')} options={[{ value: 'all', label: '不限' }, { value: 'corrected', label: '仅经更正' }]} />
          </>
        )}
        {kind === 'councilMatters' && (
          <>
            <Chips<MatterStage | null> testId="matter-stage" value={stage} onChange={setStage} options={STAGE_OPTIONS} />
            <Chips<MatterScope | null> testId="matter-scope" value={scope} onChange={setScope} options={SCOPE_OPTIONS} />
          </>
        )}
        <Button block type="primary" loading={submitting} onClick={() => void submit()} data-testid="request-export">
          生成台账
        </Button>
      </View>
      <PagedListView
        list={list}
        testId="exports"
        empty={<EmptyState title="还没有导出过台账" description="选好日期和条件后点「生成台账」" />}
        renderItem={(item) => <ExportRow key={item.id} item={item} />}
      />
    </Page>
  );
}
