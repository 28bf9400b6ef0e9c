import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AppealDetail, Rating } from '@contract/appeals';
import { APPEAL_LIMITS, RATING_LABELS, RATINGS } from '@contract/appeals.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { CallButtons } from '@/components/CallButtons';
import { Chips } from '@/components/Chips';
import { Page } from '@/components/Page';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { AppealOverview, ResolutionCard } from '@/components/appeal/AppealOverview';
import { Timeline } from '@/components/appeal/Timeline';
import { useRequest } from '@/hooks/useRequest';
import { currentPlace } from '@/state/place';
import './index.scss';

function RateForm({ appeal, onRated }: { appeal: AppealDetail; onRated: (next: AppealDetail) => void }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    if (!rating) return setError(new ApiError('INVALID_INPUT', '请选择满意度', [{ path: 'rating', message: '请选择满意度' }]));
    setBusy(true);
    setError(undefined);
    try {
      onRated(await api.appeals.rate({ id: appeal.id, rating, comment: comment.trim() || undefined }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const onField = error?.issues.some((issue) => ['rating', 'comment'].includes(issue.path));
  return (
    <View className="card" data-testid="rate-form">
      <Text className="card__title">评价办理结果</Text>
      <Chips testId="rating" options={RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }))} value={rating} onChange={setRating} />
      <FieldError testId="rating" message={error?.fieldMessage('rating')} />
      {rating === 'dissatisfied' && <Text className="muted">选择不满意，诉求会退回重新办理；再次不满意将上报上一级。</Text>}
      <TextField
        label="说说您的感受（选填）"
        testId="comment"
        path="comment"
        error={error}
        value={comment}
        maxLength={APPEAL_LIMITS.commentMax}
        counter={false}
        onChange={setComment}
      />
      {error && !onField && <FieldError message={error.message} />}
      <View className="appeal-detail__submit">
        <Button block type="primary" loading={busy} onClick={submit} data-testid="submit-rating">
          提交评价
        </Button>
      </View>
    </View>
  );
}

/** The appeal's building with its phone numbers: the remembered one when it is that building, else looked up. */
function AppealCalls({ buildingCode }: { buildingCode: string }) {
  const remembered = currentPlace();
  const known = remembered?.building.code === buildingCode ? remembered : null;
  const place = useRequest(() => api.org.resolveCode({ code: buildingCode }), [buildingCode], !known);
  const found = known ?? place.data;
  return found ? <CallButtons place={found} title="想问问进度？打电话" /> : null;
}

export default function AppealPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRequest(() => api.appeals.detail({ id }), [id]);
  const [following, setFollowing] = useState(false);

  const follow = async (appeal: AppealDetail) => {
    setFollowing(true);
    try {
      await api.appeals.follow({ id: appeal.id });
      state.reload();
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
    } finally {
      setFollowing(false);
    }
  };

  return (
    <Page className="appeal-detail">
      <AsyncView state={state}>
        {(appeal) => (
          <View>
            <AppealOverview appeal={appeal} />
            {appeal.resolution && <ResolutionCard resolution={appeal.resolution} />}
            {appeal.rating && (
              <View className="card" data-testid="rating">
                <Text className="card__title">我的评价：{appeal.rating.label}</Text>
                {appeal.rating.comment && <Text>{appeal.rating.comment}</Text>}
              </View>
            )}
            {appeal.can.rate && <RateForm appeal={appeal} onRated={state.setData} />}
            {appeal.can.follow && (
              <Button block type="primary" fill="outline" loading={following} onClick={() => follow(appeal)}>
                我也遇到了
              </Button>
            )}
            <AppealCalls buildingCode={appeal.place.buildingCode} />
            <View className="card">
              <Text className="card__title">办理进度</Text>
              <Timeline items={appeal.timeline} />
            </View>
            <Button block onClick={() => Taro.redirectTo({ url: routes.myAppeals() })}>
              我的诉求
            </Button>
          </View>
        )}
      </AsyncView>
    </Page>
  );
}
