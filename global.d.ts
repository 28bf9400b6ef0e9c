declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_APP_CLOUD_ENV?: string;
  }
}
