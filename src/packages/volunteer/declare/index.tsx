import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DECLARE_SUBSCRIPTIONS, VOLUNTEER_LIMITS, type MyDeclaration } from '@contract/volunteer.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { askForUpdates } from '@/api/subscribe';
import { AsyncView } from '@/components/AsyncView';
import { CheckRow } from '@/components/CheckRow';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatDay } from '@/utils/time';
import '../shared/volunteer.scss';

function Form({ data, onSaved }: { data: MyDeclaration; onSaved: (d: MyDeclaration) => void }) {
  const d = data.declaration;
  const home = data.homeCommunity ?? d?.community ?? null;
  const [unit, setUnit] = useState(d?.unit ?? '');
  const [toCommunity, setToCommunity] = useState(d ? d.community !== null : home !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const save = async () => {
    await askForUpdates(DECLARE_SUBSCRIPTIONS);
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.volunteer.declare({ unit: unit.trim() || undefined, communityId: toCommunity && home ? home.id : undefined }));
      toast('报到信息已保存');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="declare-form">
      <Text className="card__title">{d ? '修改报到信息' : '党员双报到'}</Text>
      <Text className="muted">在职党员向所在单位党组织报到，并到居住社区报到，每半年至少参加一次社区志愿服务</Text>
      <TextField label="报到单位（党组织名称）" kind="line" testId="unit" path="unit" error={error} value={unit} maxLength={VOLUNTEER_LIMITS.nameMax} onChange={setUnit} labelAs="section" />
      {home ? (
        <CheckRow label={`到居住社区报到：${home.name}`} checked={toCommunity} onChange={setToCommunity} testId="to-community" />
      ) : (
        <Text className="muted">在“我的”里绑定住址后，可到居住社区报到</Text>
      )}
      {error && !error.issues.length && (
        <View className="field-error" ariaRole="alert">
          <Text>{error.message}</Text>
        </View>
      )}
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void save()} data-testid="declare-submit">
        保存报到信息
      </Button>
    </View>
  );
}

export default function DeclarePage() {
  const state = useRequest(() => api.volunteer.myDeclaration({}), []);
  return (
    <Page className="volunteer">
      <AsyncView state={state}>
        {(data) => (
          <>
            {data.declaration && (
              <View className="card" data-testid="declaration">
                <View className="item-top">
                  <Text className="card__title">{data.declaration.halfYear.label}</Text>
                  <StatusTag tone={data.declaration.halfYear.done ? 'primary' : 'warning'}>{data.declaration.halfYear.done ? '已完成' : '尚未参加'}</StatusTag>
                </View>
                <InfoRow label="报到单位" value={data.declaration.unit ?? '未填写'} />
                <InfoRow label="居住社区" value={data.declaration.community?.name ?? '未报到'} />
                <InfoRow label="本半年服务" value={`${data.declaration.halfYear.activities}次，${data.declaration.halfYear.hours}小时`} testId="half-year" />
                <InfoRow label="报到日期" value={formatDay(data.declaration.declaredAt)} />
              </View>
            )}
            <Form data={data} onSaved={state.setData} />
          </>
        )}
      </AsyncView>
    </Page>
  );
}
