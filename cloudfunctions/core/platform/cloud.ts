import tcb from '@cloudbase/node-sdk';

type CloudApp = ReturnType<typeof tcb.init>;
let app: CloudApp | undefined;

/**
 * The CloudBase app of the current environment. In CloudBase the platform supplies the
 * environment and credentials; the local runtime supplies the same variables.
 */
export function cloud(): CloudApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

export type Database = ReturnType<CloudApp['database']>;

export function database(): Database {
  return cloud().database();
}

/** The caller's OPENID as the platform injected it for this invocation; never from the event. */
export function platformOpenid(): string | null {
  const { openId } = cloud().auth().getUserInfo();
  return openId ? openId : null;
}
