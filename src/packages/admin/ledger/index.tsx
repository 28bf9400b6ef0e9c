/**
 * 导出台账: choose the range and the inbox's filters, ask for the Excel file, watch it being written
 * in the background, download it (weapp: opened in WeChat's document viewer; H5: the browser).
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { APPEAL_CATEGORIES, APPEAL_CATEGORY_KEYS, type AppealCategory, type AppealStatus } from '@contract/appeals.constants';
import type { ExportStatus, ExportView } from '@contract/ledger';
import { api } from '@/api';
import { toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag, type TagTone } from '@/components/StatusTag';
import { EmptyState } from '@/components/EmptyState';
import { toast } from '@/components/toast';
import { usePagedList } from '@/hooks/usePagedList';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import { RANGE_PRESETS, rangeOf, type RangePreset } from '../shared/dates';
import { STATUS_OPTIONS } from '../shared/labels';
import './index.scss';

const TONES: Record<ExportStatus, TagTone> = { queued: 'neutral', running: 'warning', done: 'primary', failed: 'danger' };
const CATEGORY_OPTIONS = [{ value: null, label: '全部类别' }, ...APPEAL_CATEGORY_KEYS.map((value) => ({ value, label: APPEAL_CATEGORIES[value].label }))];
const POLL_MS = 3000;

/** Opens a finished file: WeChat's viewer on weapp, a new tab on H5. */
async function openFile(item: ExportView): Promise<void> {
  const { url } = await api.ledger.download({ id: item.id });
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error('下载失败，请稍后重试');
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
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
      await openFile(item);
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

export default function LedgerPage() {
  const [preset, setPreset] = useState<RangePreset>('30d');
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const [category, setCategory] = useState<AppealCategory | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const range = rangeOf(preset);
  const list = usePagedList((page) => api.ledger.list({ page, pageSize: 10 }), []);
  const pending = list.items.some((e) => e.status === 'queued' || e.status === 'running');

  // While a file is being written, look again every few seconds.
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => list.reload(true), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, list.items]);

  const submit = async () => {
    setSubmitting(true);
    try {
      await api.ledger.request({
        kind: 'appeals',
        requestId: uuid(),
        from: range.from,
        to: range.to,
        filters: { ...(status ? { status } : {}), ...(category ? { category } : {}), ...(overdue ? { overdue: true } : {}) },
      });
      toast('已提交，正在后台生成');
      list.reload(true);
    } catch (error) {
      toast(toApiError(error).message, { tone: 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page className="ledger">
      <View className="card">
        <Text className="card__title">诉求台账</Text>
        <Chips testId="range" value={preset} onChange={setPreset} options={RANGE_PRESETS} />
        <Text className="muted" data-testid="range-text">
          提交日期：{range.from} 至 {range.to}
        </Text>
        <Chips<AppealStatus | null> testId="status" value={status} onChange={setStatus} options={[{ value: null, label: '全部状态' }, ...STATUS_OPTIONS]} />
        <Chips<AppealCategory | null> testId="category" value={category} onChange={setCategory} options={CATEGORY_OPTIONS} />
        <Chips<'all' | 'overdue'> testId="overdue" value={overdue ? 'overdue' : 'all'} onChange={(v) => setOverdue(v === 'overdue')} options={[{ value: 'all', label: '不限' }, { value: 'overdue', label: '仅已超时' }]} />
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
