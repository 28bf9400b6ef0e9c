import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { routeTo, routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { CallButtons } from '@/components/CallButtons';
import { Page } from '@/components/Page';
import { PictureChoices } from '@/components/PictureChoices';
import { PlaceCard } from '@/components/PlaceCard';
import { useElderMode } from '@/hooks/useElderMode';
import { useRequest } from '@/hooks/useRequest';
import { rememberPlace } from '@/state/place';
import { categoryPictures } from '../appeal-new/categoryArt';
import { parseScanCode } from './parseCode';
import './index.scss';

const goHome = () => Taro.reLaunch({ url: routes.home() });

export default function Scan() {
  const { params } = useRouter();
  const code = parseScanCode(params);
  const { elder } = useElderMode();
  const state = useRequest(
    () => (code ? api.org.resolveCode({ code }) : Promise.reject(new ApiError('INVALID_INPUT', '没有识别到楼栋码，请重新扫描楼栋单元门口的二维码'))),
    [code],
  );

  useEffect(() => {
    if (state.data) rememberPlace(state.data);
  }, [state.data]);

  const backHome = (
    <Button size="small" onClick={goHome}>
      回到首页
    </Button>
  );

  return (
    <Page className="scan">
      <AsyncView state={state} errorAction={backHome}>
        {(place) => (
          <View>
            <View className="scan__welcome">
              <Text className="scan__hello">您好，这里是</Text>
              <Text className="scan__building" data-testid="scan-building">
                {place.estate.name} {place.building.name}
              </Text>
              <Text className="muted">{place.building.address}</Text>
            </View>
            {elder && (
              // 长辈版: the scan is the first tap's place; choosing what is wrong opens the form with it chosen.
              <View className="card" data-testid="scan-categories">
                <Text className="card__title">反映问题：请选择是哪一类</Text>
                <PictureChoices
                  testId="scan-category"
                  options={categoryPictures()}
                  value={null}
                  onChange={(category) => void Taro.navigateTo({ url: routeTo('appealNew', { category }) })}
                />
              </View>
            )}
            <CallButtons place={place} />
            <PlaceCard place={place} title="所属网格与社区" />
            <View className="muted scan__hint">已记住这个楼栋，之后反映诉求会自动定位到这里。</View>
            <View className="actions">
              {!elder && (
                <Button type="primary" block onClick={() => Taro.navigateTo({ url: routes.appealNew() })} data-testid="file-appeal">
                  反映诉求
                </Button>
              )}
              <Button block onClick={goHome} data-testid="go-home">
                回到首页
              </Button>
            </View>
          </View>
        )}
      </AsyncView>
    </Page>
  );
}
