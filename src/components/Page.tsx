import { useEffect, useMemo, useRef, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useElderMode, useElderOffer, useFontScale } from '@/hooks/useElderMode';
import { markElderOffered } from '@/state/preferences';
import { currentNotices, dismissNotice, noticesOn, pageLeft, pageShown, subscribeNotices, type Notice } from './toast';
import { focusableRoot } from './a11y';
import './Page.scss';

let nextPageId = 1;

/** Offered once when the system font is enlarged: 长辈版 or not, and where to change it later. */
function ElderOffer() {
  const { setElder, saving, error } = useElderMode();
  return (
    <View className="card jy-offer" data-testid="elder-offer">
      <Text className="card__title">要切换到长辈版吗？</Text>
      <Text className="jy-offer__text">您的手机字体调大了。长辈版字更大、按钮更大，常用的事放在最前面。以后可以在“我的”里随时切换。</Text>
      {error && <Text className="field-error">没有保存成功：{error.message}</Text>}
      <View className="jy-offer__buttons">
        <Button block type="primary" loading={saving} onClick={() => void setElder(true)} data-testid="elder-offer-yes">
          切换到长辈版
        </Button>
        <Button block onClick={markElderOffered} data-testid="elder-offer-no">
          不用了
        </Button>
      </View>
    </View>
  );
}

function NoticeBar({ notice }: { notice: Notice }) {
  return (
    <View className={`jy-notice jy-notice--${notice.tone}`} ariaRole="status" data-testid="page-notice">
      <Text className="jy-notice__text">{notice.text}</Text>
      <View className="jy-notice__close jy-tap" ariaRole="button" ariaLabel="关闭提示" onClick={() => dismissNotice(notice.id)} data-testid="page-notice-close">
        <Text>知道了</Text>
      </View>
    </View>
  );
}

/**
 * The container every resident page is built in. It carries 长辈版 (`jy-page--elder`, the elder
 * tokens of src/styles/tokens.scss) and the system font scale (`--jy-font-scale`, `jy-page--large-text`),
 * so the kit's components and the page's own token-based styles follow both with no per-page work;
 * it offers 长辈版 once when the system font is enlarged, and keeps the kit's toasts on the page.
 */
export function Page({ className, children, testId }: { className?: string; children: ReactNode; testId?: string }) {
  const { elder } = useElderMode();
  const scale = useFontScale();
  const offer = useElderOffer(scale);
  const id = useRef(0);
  if (!id.current) id.current = nextPageId++;
  const all = useSyncExternalStore(subscribeNotices, currentNotices, currentNotices);
  const notices = useMemo(() => noticesOn(all, id.current), [all]);

  useDidShow(() => pageShown(id.current));
  useDidHide(() => pageLeft(id.current));
  useEffect(() => {
    pageShown(id.current);
    return () => pageLeft(id.current);
  }, []);

  const classes = ['page', 'jy-page', elder && 'jy-page--elder', scale > 1 && 'jy-page--large-text', className].filter(Boolean).join(' ');
  return (
    <View
      className={classes}
      {...focusableRoot()}
      style={{ '--jy-font-scale': String(scale) } as CSSProperties}
      data-elder={elder ? 'true' : 'false'}
      data-font-scale={String(scale)}
      data-testid={testId}
    >
      {offer && <ElderOffer />}
      {notices.map((notice) => (
        <NoticeBar key={notice.id} notice={notice} />
      ))}
      {children}
    </View>
  );
}
