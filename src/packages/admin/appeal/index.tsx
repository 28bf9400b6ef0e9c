import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AppealDetail } from '@contract/appeals';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { AppealOverview, ResolutionCard } from '@/components/appeal/AppealOverview';
import { Timeline } from '@/components/appeal/Timeline';
import { InfoRow } from '@/components/InfoRow';
import { StatusTag } from '@/components/StatusTag';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { pressable, StaffPage } from '../shared/a11y';
import { ActionPanel } from './ActionPanel';
import './index.scss';

function ResidentCard({ appeal }: { appeal: AppealDetail }) {
  const resident = appeal.resident;
  if (!resident) return null;
  return (
    <View className="card" data-testid="resident-card">
      <Text className="card__title">居民联系方式</Text>
      <InfoRow label="姓名" value={resident.name} testId="resident-name" />
      <View className="row">
        <Text className="muted">电话</Text>
        {resident.phone && !resident.masked ? (
          <View className="admin-appeal__phone" data-testid="resident-phone" {...pressable(() => void Taro.makePhoneCall({ phoneNumber: resident.phone! }), 'link')}>
            <Text>{resident.phone}（点击拨打）</Text>
          </View>
        ) : (
          <Text data-testid="resident-phone">{resident.phone ?? '未留电话'}</Text>
        )}
      </View>
      {resident.masked && <Text className="muted">完整联系方式仅首问责任人和当前承办人可见。</Text>}
      {appeal.anonymous && <Text className="muted">居民选择了公开时隐去个人信息，请勿对外透露。</Text>}
    </View>
  );
}

function OutcomeCards({ appeal }: { appeal: AppealDetail }) {
  return (
    <>
      {appeal.resolution && <ResolutionCard resolution={appeal.resolution} />}
      {appeal.rating && (
        <View className="card" data-testid="rating">
          <View className="admin-appeal__rating">
            <Text className="card__title">群众评价</Text>
            <StatusTag tone={appeal.rating.value === 'dissatisfied' ? 'danger' : 'primary'}>{appeal.rating.label}</StatusTag>
          </View>
          {appeal.rating.comment && <Text className="admin-appeal__text">{appeal.rating.comment}</Text>}
          <Text className="muted">{formatTime(appeal.rating.at)}</Text>
        </View>
      )}
    </>
  );
}

/** One appeal as staff see it: what, where, who to call, its story, and what I may do now. */
export default function AdminAppeal() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const first = useRequest(
    () => (id ? api.appeals.detail({ id }) : Promise.reject(new ApiError('INVALID_INPUT', '缺少诉求编号，请从工单列表进入'))),
    [id],
  );
  /** The appeal as the last command or refresh returned it; until then, as first loaded. */
  const [latest, setLatest] = useState<AppealDetail>();
  const appeal = latest ?? first.data;
  const [refreshError, setRefreshError] = useState<string>();

  /** Reload in place after someone else moved the appeal on; the forms keep what was typed. */
  const refresh = async () => {
    try {
      setLatest(await api.appeals.detail({ id }));
      setRefreshError(undefined);
    } catch (err) {
      setRefreshError(`刷新失败：${toApiError(err).message}`);
    }
  };

  const back = (
    <Button size="small" onClick={() => void Taro.navigateBack()}>
      返回
    </Button>
  );

  if (!appeal) {
    return (
      <StaffPage title="诉求办理" className="admin-appeal">
        <AsyncView state={first} errorAction={back}>
          {() => null}
        </AsyncView>
      </StaffPage>
    );
  }

  return (
    <StaffPage title="诉求办理" className="admin-appeal" testId="admin-appeal">
      {refreshError && (
        <View className="admin-banner admin-banner--error" ariaRole="alert" data-testid="refresh-error">
          <Text>{refreshError}</Text>
          <Button size="mini" onClick={() => void refresh()}>
            重试
          </Button>
        </View>
      )}
      {appeal.heldForReview && (
        <View className="admin-banner admin-banner--error" role="alert" data-testid="held-for-review">
          <Text>内容安全检查要求人工审核：审核通过前，本楼栋的邻居看不到这条诉求。</Text>
        </View>
      )}
      <AppealOverview appeal={appeal} />
      <View className="card admin-appeal__meta">
        <InfoRow label="办理层级" value={appeal.levelLabel} />
        <InfoRow label="所属" value={`${appeal.place.communityName} · ${appeal.place.gridName}`} />
        {appeal.place.address && <InfoRow label="地址" value={appeal.place.address} />}
      </View>
      <ResidentCard appeal={appeal} />
      <OutcomeCards appeal={appeal} />
      <ActionPanel appeal={appeal} onDone={setLatest} onStale={refresh} />
      <View className="card">
        <Text className="card__title">办理记录</Text>
        <Timeline items={appeal.timeline} />
      </View>
    </StaffPage>
  );
}
