import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CertificateView } from '@contract/volunteer.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Page } from '@/components/Page';
import { TextField } from '@/components/TextField';
import { CertificateCard } from '../shared/CertificateCard';
import '../shared/volunteer.scss';

export default function VerifyPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ?? '');
  const [cert, setCert] = useState<CertificateView>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    setCert(undefined);
    try {
      setCert(await api.volunteer.verifyCertificate({ code }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page className="volunteer">
      <View className="card">
        <TextField label="证明上的验证码（16位）" kind="line" testId="code" path="code" error={error} value={code} maxLength={16} onChange={setCode} labelAs="title" />
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void verify()} data-testid="verify">
          核验
        </Button>
        {error && !error.issues.length && (
          <View className="field-error" ariaRole="alert" data-testid="verify-error">
            <Text>{error.message}</Text>
          </View>
        )}
      </View>
      {cert && (
        <>
          <Text className="muted" data-testid="verified">
            ✓ 该证明真实有效，内容如下
          </Text>
          <CertificateCard cert={cert} />
        </>
      )}
    </Page>
  );
}
