import { View, Text } from '@tarojs/components';
import type { AppealDetail, DueState } from '@contract/appeals';
import { formatTime } from '@/utils/time';
import { PhotoRow } from '../CloudImage';
import { InfoRow } from '../InfoRow';
import { StatusTag } from '../StatusTag';
import './appeal.scss';

const DUE_TEXT: Record<DueState, string> = { ok: '', dueSoon: '即将超期', overdue: '已超期' };

export function DueTag({ state }: { state: DueState | null | undefined }) {
  if (!state || state === 'ok') return null;
  return (
    <View data-testid="due-tag" data-due={state}>
      <StatusTag tone={state === 'overdue' ? 'danger' : 'warning'}>{DUE_TEXT[state]}</StatusTag>
    </View>
  );
}

/** What the appeal is, where, who holds it now and by when. */
export function AppealOverview({ appeal }: { appeal: AppealDetail }) {
  return (
    <View className="card">
      <View className="appeal__head">
        <Text className="card__title">{appeal.categoryLabel}</Text>
        <View data-testid="appeal-status" data-status={appeal.status}>
          <StatusTag>{appeal.statusLabel}</StatusTag>
        </View>
      </View>
      <Text className="muted">编号 {appeal.no} · {formatTime(appeal.filedAt)}</Text>
      <Text className="appeal__description" data-testid="appeal-description">
        {appeal.description}
      </Text>
      <PhotoRow photos={appeal.photos} />
      <InfoRow label="位置" value={`${appeal.place.estateName} ${appeal.place.buildingName}`} />
      <InfoRow
        label="当前办理"
        value={`${appeal.holder.name}${appeal.holder.handlerName ? ` · ${appeal.holder.handlerName}` : ''}`}
        testId="appeal-holder"
      />
      {appeal.firstResponderName && <InfoRow label="首问责任人" value={appeal.firstResponderName} />}
      {appeal.deadline && (
        <View className="row">
          <Text className="muted">{appeal.deadline.kind === 'respond' ? '响应时限' : '办结时限'}</Text>
          <View className="appeal__due">
            <Text>{formatTime(appeal.deadline.dueAt)}</Text>
            <DueTag state={appeal.deadline.state} />
          </View>
        </View>
      )}
      {appeal.followerCount > 0 && <Text className="muted">{appeal.followerCount} 位邻居也遇到了这个问题</Text>}
    </View>
  );
}

/** What the handler did, as the resident and staff both see it. */
export function ResolutionCard({ resolution }: { resolution: NonNullable<AppealDetail['resolution']> }) {
  return (
    <View className="card" data-testid="resolution">
      <Text className="card__title">办理结果</Text>
      <Text className="appeal__description">{resolution.text}</Text>
      <PhotoRow photos={resolution.photos} />
      <Text className="muted">
        {resolution.byName} · {formatTime(resolution.at)}
      </Text>
    </View>
  );
}
