import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ResolvedPlace } from '@contract/org';
import { routes, type ScanLaunch } from '@contract/routes';
import { CallButtons } from '@/components/CallButtons';
import { Page } from '@/components/Page';
import { PlaceCard } from '@/components/PlaceCard';
import { useElderMode } from '@/hooks/useElderMode';
import type { HomeEntry } from '@/registry';
import { currentPlace, placeOrHousehold } from '@/state/place';
import { HOME_ENTRIES, elderEntries, entryLabel } from './entries';
import './index.scss';

function openScanPage(launch: ScanLaunch) {
  void Taro.navigateTo({ url: routes.scan(launch) });
}

async function scan() {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] as never });
    if (result.path) {
      const scene = /scene=([^&]+)/.exec(result.path)?.[1];
      if (scene) return openScanPage({ scene });
    }
    openScanPage({ q: result.result });
  } catch {
    // The resident closed the camera: nothing to do.
  }
}

const open = (entry: HomeEntry) => void Taro.navigateTo({ url: entry.url });

export default function Home() {
  const { elder } = useElderMode();
  /** `undefined` while looking for the bound household's building. */
  const [place, setPlace] = useState<ResolvedPlace | null | undefined>(undefined);
  const [code, setCode] = useState('');
  const shown = useRef(0);
  useDidShow(() => {
    const mine = ++shown.current;
    const scanned = currentPlace();
    if (scanned) return setPlace(scanned);
    // Not scanned here yet: a bound household's building stands in.
    void placeOrHousehold().then((found) => mine === shown.current && setPlace(found));
  });

  const { main, rest } = elderEntries(HOME_ENTRIES);
  const tile = (entry: HomeEntry) => (
    <View key={entry.url} className="home__entry jy-tap" data-testid={`entry-${entry.key}`} onClick={() => open(entry)}>
      <View className="home__icon" style={{ background: entry.color }} aria-hidden="true">
        <Text>{entry.glyph}</Text>
      </View>
      <Text className="home__label">{entryLabel(entry, elder)}</Text>
    </View>
  );

  return (
    <Page className="home">
      <View className="home__banner">
        <Text className="home__title">幸福家园</Text>
        <Text className="home__subtitle">有呼必应 · 接诉即办</Text>
      </View>

      {/* 长辈版: the main actions first, in plain words, as large buttons. */}
      {elder && (
        <View className="home__main" data-testid="main-actions">
          {main.map((entry) => (
            <View key={entry.url} className="home__main-entry jy-tap" data-testid={`main-${entry.key}`} onClick={() => open(entry)}>
              <View className="home__main-icon" aria-hidden="true">
                <Text>{entry.glyph}</Text>
              </View>
              <Text className="home__main-label">{entryLabel(entry, true)}</Text>
            </View>
          ))}
          {place ? (
            <CallButtons place={place} title="打电话" />
          ) : (
            <Text className="muted home__call-hint">扫描楼栋码以后，这里可以一键给网格员打电话。</Text>
          )}
        </View>
      )}

      {place === undefined ? (
        <View className="card" data-testid="place-loading">
          <Text className="muted">正在查找您的楼栋…</Text>
        </View>
      ) : place ? (
        <PlaceCard place={place} />
      ) : (
        <View className="card" data-testid="no-place">
          <Text className="card__title">还没有绑定楼栋</Text>
          <Text className="muted">扫描楼栋单元门口的“有呼必应一码通”二维码，或输入二维码下方的楼栋码。</Text>
        </View>
      )}

      {!elder && place && <CallButtons place={place} />}

      <View className="card">
        <View className="home__scan">
          {process.env.TARO_ENV === 'weapp' && (
            <Button type="primary" block onClick={scan}>
              扫一扫楼栋码
            </Button>
          )}
          <Text className="home__code-label">楼栋码印在二维码下方，如 370602B0001</Text>
          <View className="home__code">
            <Input
              className="home__code-input"
              placeholder="输入楼栋码"
              value={code}
              maxlength={32}
              onInput={(e) => setCode(e.detail.value)}
              data-testid="code-input"
            />
            <Button type="primary" fill="outline" disabled={!code.trim()} onClick={() => openScanPage({ code: code.trim() })}>
              查看
            </Button>
          </View>
        </View>
      </View>

      <View className="home__grid">{(elder ? rest : HOME_ENTRIES).map(tile)}</View>
    </Page>
  );
}
