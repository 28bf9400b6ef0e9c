import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COUNCIL_LIMITS, COUNCIL_SUBSCRIPTIONS, MATTER_SCOPE_LABELS, MATTER_SCOPES, type MatterScope } from '@contract/council.constants';
import { routes } from '@contract/routes';
import type { Me } from '@contract/users';
import { api } from '@/api';
import { askForUpdates } from '@/api/subscribe';
import { toApiError, type ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { Page } from '@/components/Page';
import { PhotoPicker } from '@/components/PhotoPicker';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { loadMe } from '@/state/preferences';
import { uuid } from '@/utils/uuid';
import '../shared/council.scss';

/** Staff raise about their own community (a community worker's first unit). */
const staffPlace = (me: Me) => (me.jurisdiction?.level === 'community' ? me.jurisdiction.unitIds[0] : undefined);

function RaiseForm({ me }: { me: Me }) {
  const [requestId] = useState(uuid);
  const staff = me.isStaff;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState<MatterScope>(staff ? 'community' : 'building');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    if (!staff) await askForUpdates(COUNCIL_SUBSCRIPTIONS);
    setBusy(true);
    setError(undefined);
    try {
      const m = await api.council.raise({ requestId, title, description, photos, scope, placeId: staff ? staffPlace(me) : undefined });
      toast(m.stage === 'review' ? '已提交，社区审核后公开' : '议题已提出', { carry: true });
      void Taro.redirectTo({ url: routes.councilMatter(m.id) });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const scopes = (staff ? (['community'] as const) : MATTER_SCOPES).map((s) => ({ value: s as MatterScope, label: MATTER_SCOPE_LABELS[s] }));
  return (
    <>
      <View className="card">
        <Text className="card__title">议题范围</Text>
        <Chips options={scopes} value={scope} onChange={setScope} testId="scope" />
        <Text className="council__meta">只有范围内已认证的住户可以附议和投票{me.household && !staff ? `（您家：${me.household.buildingName}）` : ''}</Text>
        <FieldError message={error?.fieldMessage('scope') ?? error?.fieldMessage('placeId')} testId="scope" />
      </View>
      <View className="card">
        <TextField label="标题" kind="line" testId="title" path="title" error={error} value={title} maxLength={COUNCIL_LIMITS.titleMax} placeholder="例如：3号楼加装电梯" onChange={setTitle} />
        <TextField
          label="说明"
          kind="tall"
          testId="description"
          path="description"
          error={error}
          value={description}
          maxLength={COUNCIL_LIMITS.descriptionMax}
          placeholder="说清楚是什么事、为什么要办、建议怎么办"
          onChange={setDescription}
        />
      </View>
      <View className="card">
        <Text className="card__title">照片（选填，最多 {COUNCIL_LIMITS.photosMax} 张）</Text>
        <PhotoPicker testId="photos" folder={`council/${requestId}`} max={COUNCIL_LIMITS.photosMax} photos={photos} onChange={setPhotos} disabled={busy} onUploading={setUploading} />
        <FieldError message={error?.fieldMessage('photos')} testId="photos" />
      </View>
      {error && error.issues.length === 0 && (
        <Text className="field-error" data-testid="raise-error">
          {error.message}
        </Text>
      )}
      <View className="button-stack">
        <Button block type="primary" loading={busy} disabled={busy || uploading} onClick={() => void submit()} data-testid="submit">
          提交议题
        </Button>
      </View>
    </>
  );
}

export default function CouncilRaise() {
  const me = useRequest(loadMe, []);
  return (
    <Page className="council">
      <AsyncView state={me}>{(loaded) => <RaiseForm me={loaded} />}</AsyncView>
    </Page>
  );
}
