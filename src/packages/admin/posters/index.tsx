/**
 * 一码通海报: choose a street, community or grid and the layout, ask for the print-ready PDF of its
 * building door codes, watch it being drawn in the background, download it (weapp: WeChat's document
 * viewer; H5: the browser).
 */
import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ORG_LEVEL_LABELS } from '@contract/org.constants';
import { POSTER_LAYOUT_LABELS, POSTER_LAYOUTS, POSTER_SCOPE_LEVELS, type PosterBatchStatus, type PosterBatchView, type PosterLayout } from '@contract/posters.constants';
import { api } from '@/api';
import { toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag, type TagTone } from '@/components/StatusTag';
import { toast } from '@/components/toast';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import { openFile } from '../shared/openFile';
import { useFileJobs } from '../shared/useFileJobs';
import { ScopePicker, type ScopePath } from './ScopePicker';
import './index.scss';

const TONES: Record<PosterBatchStatus, TagTone> = { queued: 'neutral', running: 'warning', done: 'primary', failed: 'danger' };
const LAYOUT_OPTIONS = POSTER_LAYOUTS.map((value) => ({ value, label: POSTER_LAYOUT_LABELS[value] }));

function progressText(item: PosterBatchView): string {
  if (item.status === 'running') return item.total ? `正在生成，已完成 ${item.done} / ${item.total} 栋` : '正在生成…';
  if (item.status === 'done') return `共 ${item.done} 栋 · ${formatTime(item.finishedAt)} 生成`;
  if (item.status === 'failed') return item.error ?? '生成失败';
  return '等待生成，通常一分钟内开始';
}

function BatchRow({ item }: { item: PosterBatchView }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { url } = await api.posters.download({ id: item.id });
      await openFile(url, 'pdf');
    } catch (error) {
      toast(toApiError(error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid={`batch-${item.id}`}>
      <View className="posters__row">
        <Text className="card__title">
          {ORG_LEVEL_LABELS[item.unitLevel]} · {item.unitName}
        </Text>
        <StatusTag tone={TONES[item.status]}>
          <Text data-testid="batch-status">{item.statusLabel}</Text>
        </StatusTag>
      </View>
      <Text className="muted">{item.layoutLabel}</Text>
      <Text className={item.status === 'failed' ? 'posters__error' : 'muted'} data-testid="batch-progress">
        {progressText(item)}
      </Text>
      {item.status === 'done' && (
        <Button size="small" type="primary" loading={busy} onClick={() => void download()} data-testid="batch-download">
          下载 PDF
        </Button>
      )}
    </View>
  );
}

export default function PostersPage() {
  const [path, setPath] = useState<ScopePath>([]);
  const [layout, setLayout] = useState<PosterLayout>('a4');
  const { list, submitting, request } = useFileJobs((page) => api.posters.list({ page, pageSize: 10 }));
  const scope = path[path.length - 1];
  const scopeOk = !!scope && (POSTER_SCOPE_LEVELS as readonly string[]).includes(scope.level);

  const submit = async () => {
    if (!scope || !scopeOk) {
      toast('请先选择街道、社区或网格', { tone: 'error' });
      return;
    }
    await request(() => api.posters.request({ requestId: uuid(), unitId: scope.id, layout }));
  };

  return (
    <Page className="posters">
      <View className="card">
        <Text className="posters__label">范围</Text>
        <ScopePicker path={path} onChange={setPath} />
        <Text className="muted posters__line" data-testid="scope-text">
          {!scope ? '请选择街道、社区或网格' : scopeOk ? `${scope.name}的每栋楼各一张海报` : `请在${scope.name}下选择街道、社区或网格`}
        </Text>
        <Text className="posters__label">版式</Text>
        <Chips<PosterLayout> testId="layout" value={layout} onChange={setLayout} options={LAYOUT_OPTIONS} />
        <Text className="muted posters__line">每张海报印有楼栋小程序码、楼栋名称、网格员及电话和「有呼必应」响应时限。</Text>
        <Button block type="primary" loading={submitting} onClick={() => void submit()} data-testid="request-posters">
          生成海报
        </Button>
      </View>
      <PagedListView
        list={list}
        testId="batches"
        empty={<EmptyState title="还没有生成过海报" description="选好范围和版式后点「生成海报」" />}
        renderItem={(item) => <BatchRow key={item.id} item={item} />}
      />
    </Page>
  );
}
