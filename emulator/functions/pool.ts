import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FunctionSpec } from './config';
import { FunctionError } from './types';

/** Environment keys set per event; cleared before and after each one. */
export const PER_EVENT_KEYS = [
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'TCB_SOURCE',
  'TCB_SEQID',
  'TRIGGER_SRC',
] as const;

export interface ScfContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  /** JSON of the invocation's environment, as CloudBase's newer runtime passes it. */
  environment: string;
  callbackWaitsForEmptyEventLoop: boolean;
}

export interface Task {
  requestId: string;
  /** The event as JSON text. */
  event: string;
  env: Record<string, string>;
  context: ScfContext;
}

interface Pending {
  task: Task;
  resolve: (resultJson: string) => void;
  reject: (error: FunctionError) => void;
}

type WorkerReply =
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; ok: true; result: string }
  | { type: 'done'; id: number; ok: false; error: { name: string; message: string; stack: string } };

const WORKER_FILE = join(__dirname, 'instance.worker.js');
const MAX_QUEUE = 500;
/** Time allowed for a cold instance to load its code before the event's own timeout starts. */
const INIT_ALLOWANCE_MS = 15_000;

class Instance {
  readonly worker: Worker;
  current: (Pending & { id: number; timer: NodeJS.Timeout }) | null = null;
  dead = false;
  private seq = 0;
  private lastError: Error | null = null;

  constructor(
    private readonly pool: InstancePool,
    spec: FunctionSpec,
    env: Record<string, string>,
  ) {
    this.worker = new Worker(WORKER_FILE, {
      env,
      workerData: { entry: spec.entry, perEventKeys: PER_EVENT_KEYS },
      resourceLimits: { maxOldGenerationSizeMb: spec.memoryMb },
    });
    this.worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    this.worker.on('error', (error) => {
      this.lastError = error;
    });
    this.worker.on('exit', () => this.onExit());
  }

  run(pending: Pending, timeoutMs: number): void {
    const id = ++this.seq;
    const timer = setTimeout(() => this.onTimeout(), timeoutMs + INIT_ALLOWANCE_MS);
    this.current = { ...pending, id, timer };
    this.worker.postMessage({ type: 'invoke', id, event: pending.task.event, env: pending.task.env, context: pending.task.context });
  }

  kill(): Promise<number> {
    this.dead = true;
    return this.worker.terminate();
  }

  private finish(): Pending | null {
    const current = this.current;
    if (!current) return null;
    clearTimeout(current.timer);
    this.current = null;
    return current;
  }

  private onReply(reply: WorkerReply): void {
    if (!this.current || reply.id !== this.current.id) return;
    if (reply.type === 'started') {
      // The event's own time limit runs from when the instance picks it up.
      clearTimeout(this.current.timer);
      this.current.timer = setTimeout(() => this.onTimeout(), this.current.task.context.time_limit_in_ms);
      return;
    }
    const done = this.finish();
    if (!done) return;
    if (reply.ok) {
      done.resolve(reply.result);
    } else {
      const { name, message, stack } = reply.error;
      done.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `${name}: ${message}`, done.task.requestId, stack));
    }
    this.pool.release(this);
  }

  private onTimeout(): void {
    const done = this.finish();
    if (!done) return;
    const seconds = done.task.context.time_limit_in_ms / 1000;
    void this.kill();
    this.pool.remove(this);
    done.reject(
      new FunctionError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${seconds} seconds`, done.task.requestId),
    );
  }

  private onExit(): void {
    this.dead = true;
    const done = this.finish();
    this.pool.remove(this);
    if (done) {
      const error = this.lastError;
      done.reject(
        new FunctionError(
          'FUNCTIONS_EXECUTE_FAIL',
          error ? `${error.name}: ${error.message}` : '函数实例意外退出',
          done.task.requestId,
          error?.stack,
        ),
      );
    }
  }
}

/**
 * The instances of one function. Each handles one event at a time; new instances start
 * (cold) while all are busy, up to `maxInstances`; beyond that events wait in order.
 */
export class InstancePool {
  private readonly instances = new Set<Instance>();
  private readonly idle: Instance[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(
    readonly spec: FunctionSpec,
    private readonly env: Record<string, string>,
    private readonly maxInstances: number,
  ) {}

  get size(): number {
    return this.instances.size;
  }

  run(task: Task): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      if (this.closed) {
        reject(new FunctionError('HOST_CLOSED', '本地云环境已关闭', task.requestId));
        return;
      }
      if (this.queue.length >= MAX_QUEUE) {
        reject(new FunctionError('RESOURCE_LIMIT', `云函数 ${this.spec.name} 排队的请求过多`, task.requestId));
        return;
      }
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  release(instance: Instance): void {
    if (instance.dead || this.closed) return;
    this.idle.push(instance);
    this.pump();
  }

  remove(instance: Instance): void {
    this.instances.delete(instance);
    const at = this.idle.indexOf(instance);
    if (at >= 0) this.idle.splice(at, 1);
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      pending.reject(new FunctionError('HOST_CLOSED', '本地云环境已关闭', pending.task.requestId));
    }
    await Promise.all([...this.instances].map((instance) => instance.kill()));
    this.instances.clear();
    this.idle.length = 0;
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      let instance = this.idle.pop();
      while (instance && instance.dead) instance = this.idle.pop();
      if (!instance) {
        if (this.instances.size >= this.maxInstances) return;
        instance = new Instance(this, this.spec, this.env);
        this.instances.add(instance);
      }
      const next = this.queue.shift() as Pending;
      instance.run(next, next.task.context.time_limit_in_ms);
    }
  }
}
