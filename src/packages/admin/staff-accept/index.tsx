import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';
import { grantLabel, type AcceptResult } from '@contract/staff.constants';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { FieldError, TextField } from '@/components/TextField';
import '../staff/index.scss';

/** The code a launch carries: the mini-program code's `scene`, `code` from a link, or a scanned link's `q`. */
function launchCode(params: Record<string, string | undefined>): string {
  if (params.scene) return decodeURIComponent(params.scene);
  if (params.code) return decodeURIComponent(params.code);
  const q = params.q ? decodeURIComponent(params.q) : '';
  const match = /[?&]code=([^&]+)/.exec(q);
  return match ? decodeURIComponent(match[1]) : '';
}

/** 接受邀请: the invitee opens the QR or link (or types the code) and is bound to the role. */
export default function StaffAccept() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => launchCode(params));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<AcceptResult>();

  const accept = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setDone(await api.staff.accept({ code }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Page className="staff">
        <View className="card" data-testid="accepted">
          <Text className="card__title">已成为工作人员</Text>
          <InfoRow label="角色" value={grantLabel(done)} />
          <View className="button-stack">
            <Button block type="primary" onClick={() => void Taro.redirectTo({ url: routes.workbench() })} data-testid="to-workbench">
              进入工作台
            </Button>
          </View>
        </View>
      </Page>
    );

  return (
    <Page className="staff">
      <View className="card">
        <Text className="card__title">接受工作人员邀请</Text>
        <Text className="staff__meta">请核对邀请码后点击接受。每个邀请码只能使用一次，过期后请联系邀请人重新邀请。</Text>
        <TextField label="邀请码" kind="line" testId="accept-code" path="code" error={error} value={code} maxLength={8} placeholder="8位字母或数字" onChange={setCode} />
        {error && !error.fieldMessage('code') && <FieldError message={error.message} testId="accept" />}
        <View className="button-stack">
          <Button block type="primary" loading={busy} disabled={busy || code.trim() === ''} onClick={() => void accept()} data-testid="accept">
            接受邀请
          </Button>
        </View>
      </View>
    </Page>
  );
}
