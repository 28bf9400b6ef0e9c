import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';

/** 议事设置 for staff: the community's 附议 threshold (community staff change it). */
export function SettingsCard() {
  const state = useRequest(() => api.council.settings({}), []);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async (communityId: string) => {
    setBusy(true);
    setError(undefined);
    try {
      state.setData(await api.council.saveSettings({ communityId, cosignThreshold: Number(value) }));
      toast('已保存');
      setValue('');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AsyncView state={state}>
      {(s) => (
        <View className="card" data-testid="council-settings">
          <Text className="card__title">{s.communityName}议事设置</Text>
          <Text className="council__meta" data-testid="threshold">
            附议门槛：{s.cosignThreshold} 户（居民提出的议题达到后进入议事）
          </Text>
          {s.canEdit && (
            <>
              <TextField label="新的附议门槛（户）" kind="number" testId="threshold-input" path="cosignThreshold" error={error} value={value} maxLength={2} onChange={setValue} />
              {error && error.issues.length === 0 && <Text className="field-error">{error.message}</Text>}
              <Button block fill="outline" loading={busy} disabled={busy || value.trim() === ''} onClick={() => void save(s.communityId)} data-testid="threshold-save">
                保存
              </Button>
            </>
          )}
        </View>
      )}
    </AsyncView>
  );
}
