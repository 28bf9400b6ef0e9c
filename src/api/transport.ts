import Taro from '@tarojs/taro';
import type { CallEvent, Envelope } from '@contract/contract';
import { ApiError } from './errors';

/** Where the H5 build signs in: the local runtime's demo sign-in. */
function redirectToSignIn() {
  const next = window.location.pathname + window.location.search + window.location.hash;
  window.location.href = `/dev/login?next=${encodeURIComponent(next)}`;
}

async function callH5(name: string, data: CallEvent): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
  } catch {
    throw new ApiError('NETWORK', '');
  }
  if (response.status === 401) {
    redirectToSignIn();
    throw new ApiError('UNAUTHENTICATED', '');
  }
  const body = (await response.json().catch(() => null)) as { result?: Envelope<unknown> } | null;
  if (!response.ok || !body?.result) throw new ApiError('INTERNAL', '');
  return body.result;
}

async function callWeapp(name: string, data: CallEvent): Promise<Envelope<unknown>> {
  try {
    const { result } = await Taro.cloud.callFunction({ name, data: data as unknown as Record<string, unknown> });
    return result as Envelope<unknown>;
  } catch {
    throw new ApiError('NETWORK', '');
  }
}

export async function callFunction(name: string, data: CallEvent): Promise<unknown> {
  const envelope = process.env.TARO_ENV === 'h5' ? await callH5(name, data) : await callWeapp(name, data);
  if (envelope.ok) return envelope.data;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.issues);
}
