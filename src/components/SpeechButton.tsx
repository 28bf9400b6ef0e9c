import { useEffect, useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import './SpeechButton.scss';

/** The slice of the Web Speech API used here (Chromium's `webkitSpeechRecognition`). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionClass = new () => Recognition;

/**
 * Speech input where the platform offers it: on H5 the Web Speech API when the browser has it. Not on
 * weapp: WeChat's 同声传译 plugin (WechatSI) would have to be declared in app.json, which the offline
 * build and the quality check cannot fetch, so the mini-program keeps the keyboard (its own voice key).
 */
export function speechRecognition(): RecognitionClass | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** 说话输入: adds what was said to the text; hidden where there is no speech recognition. */
export function SpeechButton({ onText, testId = 'speech' }: { onText: (text: string) => void; testId?: string }) {
  const [Impl] = useState(speechRecognition);
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState('');
  const active = useRef<Recognition | null>(null);
  useEffect(() => () => active.current?.stop(), []);
  if (!Impl) return null;

  const toggle = () => {
    if (active.current) return active.current.stop();
    setProblem('');
    const recognition = new Impl();
    recognition.lang = 'zh-CN';
    recognition.interimResults = false;
    recognition.continuous = false;
    recognition.onresult = (event) => {
      let said = '';
      for (let i = event.resultIndex; i < event.results.length; i++) if (event.results[i].isFinal) said += event.results[i][0].transcript;
      if (said) onText(said);
    };
    recognition.onerror = (event) => setProblem(event.error === 'not-allowed' ? '没有话筒权限，请直接打字。' : '没有听清，请再说一次，或直接打字。');
    recognition.onend = () => {
      active.current = null;
      setListening(false);
    };
    active.current = recognition;
    setListening(true);
    try {
      recognition.start();
    } catch {
      active.current = null;
      setListening(false);
      setProblem('语音输入用不了，请直接打字。');
    }
  };

  return (
    <View className="speech">
      <View className={`speech__button jy-tap${listening ? ' speech__button--on' : ''}`} ariaRole="button" onClick={toggle} data-testid={testId}>
        <View className="speech__mic" aria-hidden="true">
          <View className="speech__mic-head" />
          <View className="speech__mic-stand" />
        </View>
        <Text>{listening ? '正在听，说完点这里' : '说话输入'}</Text>
      </View>
      {problem && (
        <Text className="field-error" data-testid={`${testId}-problem`}>
          {problem}
        </Text>
      )}
    </View>
  );
}
