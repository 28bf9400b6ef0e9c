import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AppealCategory, SimilarAppeal } from '@contract/appeals';
import { APPEAL_LIMITS, APPEAL_SUBSCRIPTIONS } from '@contract/appeals.constants';
import type { ResolvedPlace } from '@contract/org';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { askForUpdates } from '@/api/subscribe';
import { AsyncView } from '@/components/AsyncView';
import { CallButtons } from '@/components/CallButtons';
import { CheckRow } from '@/components/CheckRow';
import { Chips } from '@/components/Chips';
import { Page } from '@/components/Page';
import { PhotoPicker } from '@/components/PhotoPicker';
import { PictureChoices } from '@/components/PictureChoices';
import { PlaceCard } from '@/components/PlaceCard';
import { SpeechButton } from '@/components/SpeechButton';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useElderMode } from '@/hooks/useElderMode';
import { useRequest } from '@/hooks/useRequest';
import { currentPlace } from '@/state/place';
import { categoryPictures, isCategory } from './categoryArt';
import { clearDraft, loadDraft, saveDraft, type AppealDraft } from './draft';
import './index.scss';

const openDetail = (id: string) => Taro.redirectTo({ url: routes.appeal(id) });

function NoPlace() {
  return (
    <Page>
      <View className="card" data-testid="need-place">
        <Text className="card__title">请先扫描楼栋码</Text>
        <Text className="muted">诉求会定位到您扫码的楼栋，由负责这栋楼的网格员、物业或社区办理。请扫描楼栋单元门口的“有呼必应一码通”二维码。</Text>
      </View>
      <Button block type="primary" onClick={() => Taro.reLaunch({ url: routes.home() })}>
        去首页扫码
      </Button>
    </Page>
  );
}

function SimilarList({ items, onFollowed }: { items: SimilarAppeal[]; onFollowed: (id: string) => void }) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  if (items.length === 0) return null;
  const follow = async (id: string) => {
    setBusy(id);
    setError(undefined);
    try {
      await api.appeals.follow({ id });
      onFollowed(id);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <View className="card similar" data-testid="similar">
      <Text className="card__title">邻居已反映过类似问题</Text>
      <Text className="muted">48 小时内本楼栋已有相同类别的诉求正在办理。如果是同一件事，点“我也遇到了”一起跟进，不用重复提交。</Text>
      {items.map((item) => (
        <View key={item.id} className="similar__item">
          <Text className="similar__excerpt">{item.excerpt}</Text>
          <Text className="muted">
            {item.residentName} · {item.statusLabel} · {item.followerCount} 人附议
          </Text>
          {item.isOwner || item.following ? (
            <Button size="small" onClick={() => openDetail(item.id)}>
              查看进度
            </Button>
          ) : (
            <Button size="small" type="primary" fill="outline" loading={busy === item.id} onClick={() => follow(item.id)} data-testid="follow">
              我也遇到了
            </Button>
          )}
        </View>
      ))}
      {error && <Text className="field-error">{error}</Text>}
    </View>
  );
}

/** The draft for this building, with the category the scan page's choice carried in (`?category=`). */
function initialDraft(place: ResolvedPlace | null, category: string | undefined): AppealDraft | null {
  if (!place) return null;
  const draft = loadDraft(place.building.code);
  return isCategory(category) ? { ...draft, category } : draft;
}

export default function AppealNew() {
  const { params } = useRouter();
  const { elder } = useElderMode();
  const place = useMemo(currentPlace, []);
  const [draft, setDraft] = useState<AppealDraft | null>(() => initialDraft(place, params.category));
  const [submitting, setSubmitting] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError>();
  /** 长辈版: the category list stays folded to the chosen one until 换一类. */
  const [choosing, setChoosing] = useState(false);
  const categories = useRequest(() => api.appeals.categories({}), []);
  const similar = useRequest(
    () => api.appeals.similar({ buildingCode: draft!.buildingCode, category: draft!.category! }),
    [draft?.category],
    Boolean(draft?.category),
  );

  useEffect(() => {
    if (draft) saveDraft(draft);
  }, [draft]);

  if (!place || !draft) return <NoPlace />;
  const update = (patch: Partial<AppealDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const selected = categories.data?.find((c) => c.key === draft.category);

  const submit = async () => {
    setError(undefined);
    if (!draft.category) return setError(new ApiError('INVALID_INPUT', '请选择诉求类别', [{ path: 'category', message: '请选择诉求类别' }]));
    await askForUpdates(APPEAL_SUBSCRIPTIONS);
    setSubmitting(true);
    try {
      const appeal = await api.appeals.create({
        requestId: draft.requestId,
        buildingCode: draft.buildingCode,
        category: draft.category,
        description: draft.description,
        photos: draft.photos,
        phone: draft.phone.trim() || undefined,
        anonymous: draft.anonymous,
      });
      clearDraft();
      toast(`已提交，编号 ${appeal.no}。办理进度会显示在这里和“我的诉求”里。`, { carry: true });
      void openDetail(appeal.id);
    } catch (err) {
      const apiError = toApiError(err);
      setError(
        apiError.code === 'NETWORK'
          ? new ApiError('NETWORK', '网络不稳定，诉求还没有提交成功。内容已保存，请稍后点“重新提交”，不会重复提交。')
          : apiError,
      );
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (path: string) => <FieldError testId={path} message={error?.fieldMessage(path)} />;

  const categoryCard = (
    <View className="card">
      <Text className="card__title">{elder ? '第一步：是哪一类问题' : '问题类别'}</Text>
      <AsyncView state={categories}>
        {(list) =>
          elder ? (
            draft.category && !choosing ? (
              <View data-testid="category-chosen">
                <PictureChoices<AppealCategory>
                  testId="category"
                  options={categoryPictures(list.filter((c) => c.key === draft.category))}
                  value={draft.category}
                  onChange={() => setChoosing(true)}
                />
                <Button block onClick={() => setChoosing(true)} data-testid="category-change">
                  换一类
                </Button>
              </View>
            ) : (
              <PictureChoices<AppealCategory>
                testId="category"
                options={categoryPictures(list)}
                value={draft.category}
                onChange={(category) => (update({ category }), setChoosing(false))}
              />
            )
          ) : (
            <Chips testId="category" options={list.map((c) => ({ value: c.key, label: c.label }))} value={draft.category} onChange={(category) => update({ category })} />
          )
        }
      </AsyncView>
      {selected && (
        <Text className="muted appeal-new__hint">
          {selected.hint}。{selected.respondHours} 个工作小时内响应，{selected.resolveDays} 个工作日内办结。
        </Text>
      )}
      {fieldError('category')}
    </View>
  );

  const descriptionCard = (
    <View className="card">
      <TextField
        label={elder ? '第二步：说说是什么问题' : '问题描述'}
        labelAs="title"
        kind="tall"
        testId="description"
        path="description"
        error={error}
        value={draft.description}
        maxLength={APPEAL_LIMITS.descriptionMax}
        placeholder="请描述问题的具体位置和情况，例如：2单元楼道灯坏了一周，晚上看不清台阶。"
        onChange={(description) => update({ description })}
      />
      <SpeechButton testId="speech" onText={(said) => update({ description: `${draft.description}${said}`.slice(0, APPEAL_LIMITS.descriptionMax) })} />
    </View>
  );

  const extras = (
    <>
      <View className="card">
        <Text className="card__title">现场照片（选填，最多 {APPEAL_LIMITS.photosMax} 张）</Text>
        <PhotoPicker
          testId="photos"
          folder={`appeals/${draft.requestId}`}
          max={APPEAL_LIMITS.photosMax}
          photos={draft.photos}
          onChange={(photos) => update({ photos })}
          disabled={submitting}
          onUploading={setUploading}
        />
        {fieldError('photos')}
      </View>

      <View className="card">
        <TextField
          label="联系方式（选填，仅办理人员可见）"
          labelAs="title"
          kind="number"
          testId="phone"
          path="phone"
          error={error}
          value={draft.phone}
          maxLength={13}
          placeholder="手机号"
          onChange={(phone) => update({ phone })}
        />
        <CheckRow label="公开时隐去我的信息" checked={draft.anonymous} onChange={(anonymous) => update({ anonymous })} testId="anonymous" />
      </View>
    </>
  );

  const submitArea = (
    <View className="appeal-new__submit">
      {error && !error.issues.length && (
        <Text className="field-error appeal-new__error" data-testid="submit-error">
          {error.message}
        </Text>
      )}
      <Button block type="primary" loading={submitting} disabled={submitting || uploading} onClick={submit} data-testid="submit">
        {error?.code === 'NETWORK' ? '重新提交' : elder ? '第三步：提交' : '提交诉求'}
      </Button>
    </View>
  );

  // 长辈版: the three steps first (category, words, submit), then calls; photos and contact after, optional.
  return elder ? (
    <Page className="appeal-new">
      {categoryCard}
      {similar.data && <SimilarList items={similar.data} onFollowed={(id) => void openDetail(id)} />}
      {descriptionCard}
      {submitArea}
      <CallButtons place={place} title="不会写？打电话说" />
      <Text className="card__title appeal-new__more">补充照片和联系方式（选填）</Text>
      {extras}
      <PlaceCard place={place} title="诉求位置" />
    </Page>
  ) : (
    <Page className="appeal-new">
      <PlaceCard place={place} title="诉求位置" />
      {categoryCard}
      {similar.data && <SimilarList items={similar.data} onFollowed={(id) => void openDetail(id)} />}
      {descriptionCard}
      {extras}
      {submitArea}
      <CallButtons place={place} />
    </Page>
  );
}
