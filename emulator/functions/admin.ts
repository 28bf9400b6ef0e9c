import type { FunctionHost } from './host';
import { FunctionError } from './types';

/**
 * `functions.invokeFunction` from `@cloudbase/node-sdk` (`app.callFunction`). The callee runs with
 * no WeChat identity — CloudBase sets OPENID/APPID only for mini-program calls — and its SOURCE is
 * the caller's chain plus `scf` (the SDK sends it in `X-TCB-Source`).
 */
export async function invokeFromSdk(
  host: FunctionHost,
  body: Record<string, unknown>,
  sourceHeader: string | undefined,
): Promise<Record<string, unknown>> {
  const name = body.function_name;
  if (typeof name !== 'string' || !name) {
    return { code: 'INVALID_PARAM', message: '函数名不能为空' };
  }
  let event: unknown = {};
  const raw = body.request_data;
  if (typeof raw === 'string' && raw !== '') {
    try {
      event = JSON.parse(raw);
    } catch {
      return { code: 'INVALID_PARAM', message: 'request_data 不是合法的 JSON' };
    }
  }
  const chain = (sourceHeader ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'unknown')
    .join(',');
  try {
    const { result, requestId } = await host.invokeFrom(name, event, { kind: 'function', chain });
    return { requestId, data: { response_data: JSON.stringify(result) } };
  } catch (error) {
    if (error instanceof FunctionError) {
      return { code: error.code, message: error.message, requestId: error.requestId };
    }
    return { code: 'SYS_ERR', message: String(error) };
  }
}
