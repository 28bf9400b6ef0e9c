import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Canvas, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CertificateView } from '@contract/volunteer.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { toast } from '@/components/toast';
import { today } from '@/utils/time';
import { CertificateCard } from '../shared/CertificateCard';
import { CERT_HEIGHT, CERT_WIDTH, drawCertificate, type Ctx2D } from '../shared/drawCertificate';
import '../shared/volunteer.scss';

type Span = 'all' | 'year' | 'half';

function periodOf(span: Span): { from?: string; to?: string } {
  const day = today();
  if (span === 'all') return {};
  const year = day.slice(0, 4);
  const from = span === 'year' ? `${year}-01-01` : Number(day.slice(5, 7)) <= 6 ? `${year}-01-01` : `${year}-07-01`;
  return { from, to: day };
}

/** The certificate as an image: WeChat's canvas 2d node, or a browser canvas in H5. */
async function drawImage(cert: CertificateView): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const canvas = await new Promise<{ width: number; height: number; getContext: (kind: '2d') => Ctx2D }>((resolve, reject) =>
      Taro.createSelectorQuery()
        .select('#cert-canvas')
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: never } | null>) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('no canvas')))),
    );
    canvas.width = CERT_WIDTH;
    canvas.height = CERT_HEIGHT;
    drawCertificate(canvas.getContext('2d'), cert);
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as never);
    return tempFilePath;
  }
  const canvas = document.createElement('canvas');
  canvas.width = CERT_WIDTH;
  canvas.height = CERT_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  drawCertificate(ctx, cert);
  return canvas.toDataURL('image/png');
}

/** In a browser: saves the image as a file. */
function download(dataUrl: string, name: string) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = name;
  link.click();
}

export default function CertificatePage() {
  const [span, setSpan] = useState<Span>('all');
  const [cert, setCert] = useState<CertificateView>();
  const [image, setImage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    setImage(undefined);
    try {
      setCert(await api.volunteer.issueCertificate(periodOf(span)));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const makeImage = async () => {
    if (!cert) return;
    try {
      setImage(await drawImage(cert));
    } catch {
      toast('生成图片失败，请截图保存', { tone: 'error' });
    }
  };

  return (
    <Page className="volunteer">
      <View className="card">
        <Text className="card__title">开具志愿服务证明</Text>
        <Text className="muted">证明载明服务期间、次数、时长和内容，附验证码，他人可凭验证码核验</Text>
        <Chips<Span>
          testId="span"
          options={[
            { value: 'all', label: '全部记录' },
            { value: 'year', label: '本年度' },
            { value: 'half', label: '本半年' },
          ]}
          value={span}
          onChange={setSpan}
        />
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void issue()} data-testid="issue">
          开具证明
        </Button>
        {error && (
          <View className="field-error" ariaRole="alert" data-testid="issue-error">
            <Text>{error.message}</Text>
          </View>
        )}
        <LinkRow title="核验他人的证明" onClick={() => void Taro.navigateTo({ url: routes.volunteerVerify() })} testId="open-verify" />
      </View>
      {cert && (
        <>
          <CertificateCard cert={cert} />
          <Button block onClick={() => void makeImage()} data-testid="make-image">
            生成证明图片
          </Button>
          {process.env.TARO_ENV === 'weapp' && <Canvas type="2d" id="cert-canvas" className="volunteer__canvas" />}
          {image && (
            <>
              <Image className="volunteer__certificate" src={image} mode="widthFix" ariaLabel="志愿服务证明图片" nativeProps={{ alt: '志愿服务证明图片' }} data-testid="cert-image" />
              {process.env.TARO_ENV === 'weapp' ? (
                <Button block onClick={() => void Taro.saveImageToPhotosAlbum({ filePath: image }).then(() => toast('已保存到相册'))} data-testid="save-image">
                  保存到相册
                </Button>
              ) : (
                <Button block onClick={() => download(image, `志愿服务证明-${cert.code}.png`)} data-testid="save-image">
                  下载证明图片
                </Button>
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}
