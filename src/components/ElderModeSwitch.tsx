import { View, Text } from '@tarojs/components';
import { useElderMode } from '@/hooks/useElderMode';
import './ElderModeSwitch.scss';

/** 我的 → 长辈版: one large switch, its state said in words; saved on the user's profile. */
export function ElderModeSwitch() {
  const { elder, setElder, saving, error } = useElderMode();
  return (
    <View className="card elder-switch">
      <View
        className={`elder-switch__row jy-tap${elder ? ' elder-switch__row--on' : ''}`}
        ariaRole="switch"
        ariaLabel={`长辈版，${elder ? '已开启' : '已关闭'}`}
        aria-checked={elder}
        data-testid="elder-switch"
        data-on={elder ? 'true' : 'false'}
        onClick={() => !saving && void setElder(!elder)}
      >
        <View className="elder-switch__words">
          <Text className="elder-switch__title">长辈版</Text>
          <Text className="elder-switch__hint">字更大、按钮更大，常用的事放在最前面</Text>
        </View>
        <View className="elder-switch__state">
          <View className="elder-switch__track">
            <View className="elder-switch__knob" />
          </View>
          <Text className="elder-switch__label">{saving ? '保存中' : elder ? '已开启' : '已关闭'}</Text>
        </View>
      </View>
      {error && (
        <Text className="field-error" data-testid="elder-switch-error">
          没有保存成功，请再点一次：{error.message}
        </Text>
      )}
    </View>
  );
}
