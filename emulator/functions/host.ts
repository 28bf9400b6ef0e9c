import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { discoverFunctions, isRecord, type FunctionSpec } from './config';
import { shanghaiYear } from './cron';
import { InstancePool, type ScfContext } from './pool';
import {
  FunctionError,
  type CallerIdentity,
  type InvocationRecord,
  type InvocationSource,
  type InvokeResult,
} from './types';

export interface FunctionHostOptions {
  functionsDir: string;
  /** This emulator's `/admin` URL; the SDK inside each instance talks to it. */
  adminUrl: string;
  /** CloudBase environment id, e.g. `local`. */
  env: string;
  /** Instances per function (concurrency). Default 4. */
  instancesPerFunction?: number;
  /** AppID injected for client calls without one. */
  appid?: string;
  /** Where this emulator serves the H5 app: the origin of the links the local QR codes carry. */
  appUrl?: string;
}

/** The mini-program AppID the local runtime reports for callers. */
export const LOCAL_APPID = 'wx0000000000000000';
/** Maximum event / result size, as CloudBase (6 MB for synchronous calls). */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

type Listener = (record: InvocationRecord) => void;

function instanceEnv(spec: FunctionSpec, opts: FunctionHostOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(WX_|TCB_|SCF_|TENCENTCLOUD|CLOUDBASE_)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    SCF_NAMESPACE: opts.env,
    SCF_FUNCTIONNAME: spec.name,
    SCF_FUNCTIONVERSION: '$LATEST',
    TCB_ENV: opts.env,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: opts.adminUrl }),
    // Tells platform adapters (e.g. the notification sender) that they run in the local runtime.
    JIAYUAN_LOCAL: '1',
    // The local answer to wxacode.getUnlimited is a QR of the H5 scan link on this origin.
    JIAYUAN_H5_URL: opts.appUrl ?? new URL(opts.adminUrl).origin,
  };
}

/** The per-event variables CloudBase sets: the WeChat caller (client calls only) and the source chain. */
function eventEnv(source: InvocationSource, requestId: string, appid: string): Record<string, string> {
  const env: Record<string, string> = { TCB_SEQID: requestId };
  if (source.chain) env.TCB_SOURCE = source.chain;
  if (source.kind === 'timer') env.TRIGGER_SRC = 'timer';
  const identity = source.identity;
  if (identity) {
    env.WX_OPENID = identity.openid;
    env.WX_APPID = identity.appid ?? appid;
    if (identity.unionid) env.WX_UNIONID = identity.unionid;
    env.WX_CONTEXT_KEYS = Object.keys(env).filter((key) => key.startsWith('WX_')).join(',');
  }
  return env;
}

/**
 * Hosts the cloud functions under `functionsDir` like CloudBase: a pool of worker-thread
 * instances per function, one event at a time per instance, caller identity injected per event,
 * a time limit per function, and timer triggers.
 */
export class FunctionHost {
  private readonly specs = new Map<string, FunctionSpec>();
  private readonly pools = new Map<string, InstancePool>();
  private readonly listeners = new Set<Listener>();
  private readonly crons: Cron[] = [];
  private readonly appid: string;
  private closed = false;

  constructor(private readonly opts: FunctionHostOptions) {
    this.appid = opts.appid ?? LOCAL_APPID;
    for (const spec of discoverFunctions(opts.functionsDir)) this.specs.set(spec.name, spec);
  }

  functions(): string[] {
    return [...this.specs.keys()];
  }

  /** Running instances of a function (for tests and diagnostics). */
  instanceCount(name: string): number {
    return this.pools.get(name)?.size ?? 0;
  }

  /**
   * Invokes a function. With `identity`, it is a client call (`SOURCE=wx_client`) and the function
   * sees that caller; without, it runs with no WeChat identity (like a console or admin call).
   */
  invoke(name: string, event: unknown, identity?: CallerIdentity): Promise<InvokeResult> {
    return this.invokeFrom(
      name,
      event,
      identity ? { kind: 'client', chain: 'wx_client', identity } : { kind: 'admin', chain: '' },
    );
  }

  /** Fires a timer trigger now, with the event CloudBase would send. */
  fireTimer(name: string, triggerName: string, at: Date = new Date()): Promise<InvokeResult> {
    const spec = this.specs.get(name);
    const requestId = randomUUID();
    if (!spec) return Promise.reject(this.notFound(name, requestId));
    if (!spec.triggers.some((trigger) => trigger.name === triggerName)) {
      return Promise.reject(new FunctionError('INVALID_PARAM', `云函数 ${name} 没有名为 ${triggerName} 的定时触发器`, requestId));
    }
    const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const event = { Type: 'Timer', TriggerName: triggerName, Time: time, Message: '' };
    return this.invokeFrom(name, event, { kind: 'timer', chain: 'wx_trigger', trigger: triggerName });
  }

  /** Starts every timer trigger on its schedule (Asia/Shanghai). */
  startTimers(): void {
    if (this.crons.length > 0 || this.closed) return;
    for (const spec of this.specs.values()) {
      for (const trigger of spec.triggers) {
        const job = new Cron(trigger.cron.pattern, { timezone: 'Asia/Shanghai' }, () => {
          const now = new Date();
          if (trigger.cron.years && !trigger.cron.years(shanghaiYear(now))) return;
          // Failures are reported through onInvocation; a timer never brings the host down.
          this.fireTimer(spec.name, trigger.name, now).catch(() => undefined);
        });
        this.crons.push(job);
      }
    }
  }

  stopTimers(): void {
    for (const job of this.crons.splice(0)) job.stop();
  }

  /** Subscribes to finished invocations; returns the unsubscribe function. */
  onInvocation(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async invokeFrom(name: string, event: unknown, source: InvocationSource): Promise<InvokeResult> {
    const requestId = randomUUID();
    const startedAt = new Date();
    const spec = this.specs.get(name);
    const record = (ok: boolean, error?: FunctionError) =>
      this.emit({
        name,
        requestId,
        source: source.kind,
        trigger: source.trigger,
        openid: source.identity?.openid,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        ok,
        error: error && { code: error.code, message: error.message },
      });
    try {
      if (this.closed) throw new FunctionError('HOST_CLOSED', '本地云环境已关闭', requestId);
      if (!spec) throw this.notFound(name, requestId);
      const payload = this.serializeEvent(event, source, requestId);
      const env = eventEnv(source, requestId, this.appid);
      const context: ScfContext = {
        request_id: requestId,
        function_name: name,
        function_version: '$LATEST',
        namespace: this.opts.env,
        memory_limit_in_mb: spec.memoryMb,
        time_limit_in_ms: spec.timeoutMs,
        environment: JSON.stringify({ ...env, TCB_ENV: this.opts.env, SCF_NAMESPACE: this.opts.env }),
        callbackWaitsForEmptyEventLoop: false,
      };
      const resultJson = await this.pool(spec).run({ requestId, event: payload, env, context });
      if (Buffer.byteLength(resultJson) > MAX_PAYLOAD_BYTES) {
        throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', '函数返回值超过 6 MB', requestId);
      }
      const result: unknown = JSON.parse(resultJson);
      record(true);
      return { result, requestId };
    } catch (error) {
      const failure =
        error instanceof FunctionError
          ? error
          : new FunctionError('FUNCTIONS_EXECUTE_FAIL', String((error as Error)?.message ?? error), requestId);
      record(false, failure);
      throw failure;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }

  private serializeEvent(event: unknown, source: InvocationSource, requestId: string): string {
    let value = event === undefined || event === null ? {} : event;
    // CloudBase adds the caller to client events, overwriting anything the client sent.
    if (source.identity && isRecord(value)) {
      value = { ...value, userInfo: { appId: source.identity.appid ?? this.appid, openId: source.identity.openid } };
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      throw new FunctionError('INVALID_PARAM', '事件无法序列化为 JSON', requestId);
    }
    if (json === undefined) throw new FunctionError('INVALID_PARAM', '事件无法序列化为 JSON', requestId);
    if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
      throw new FunctionError('INVALID_PARAM', '事件超过 6 MB', requestId);
    }
    return json;
  }

  private pool(spec: FunctionSpec): InstancePool {
    let pool = this.pools.get(spec.name);
    if (!pool) {
      pool = new InstancePool(spec, instanceEnv(spec, this.opts), Math.max(1, this.opts.instancesPerFunction ?? 4));
      this.pools.set(spec.name, pool);
    }
    return pool;
  }

  private notFound(name: string, requestId: string): FunctionError {
    return new FunctionError('FUNCTION_NOT_FOUND', `云函数 ${name} 不存在`, requestId);
  }

  private emit(record: InvocationRecord): void {
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A listener's failure must not affect the invocation.
      }
    }
  }
}
