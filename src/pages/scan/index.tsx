import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { PlaceCard } from '@/components/PlaceCard';
import { useRequest } from '@/hooks/useRequest';
import { rememberPlace } from '@/state/place';
import { parseScanCode } from './parseCode';
import './index.scss';

const goHome = () => Taro.reLaunch({ url: routes.home() });

export default function Scan() {
  const { params } = useRouter();
  const code = parseScanCode(params);
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
    <View className="page scan">
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
            <PlaceCard place={place} title="所属网格与社区" />
            <View className="muted scan__hint">已记住这个楼栋，之后反映诉求会自动定位到这里。</View>
            <View className="actions">
              <Button type="primary" block onClick={() => Taro.navigateTo({ url: routes.appealNew() })} data-testid="file-appeal">
                反映诉求
              </Button>
              <Button block onClick={goHome} data-testid="go-home">
                回到首页
              </Button>
            </View>
          </View>
        )}
      </AsyncView>
    </View>
  );
}
