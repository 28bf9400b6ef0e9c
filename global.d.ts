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
    /** JSON: `JIAYUAN_TMPL_<KEY>` → template id, inlined by the build (config/index.ts). */
    TARO_APP_TEMPLATE_IDS?: string;
  }
}
