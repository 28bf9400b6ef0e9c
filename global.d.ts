declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5';
    TARO_APP_CLOUD_ENV?: string;
  }
}

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_APP_TMPL_APPEAL_ACCEPTED?: string;
    TARO_APP_TMPL_APPEAL_PROGRESS?: string;
    TARO_APP_TMPL_APPEAL_RESOLVED?: string;
  }
}
