import http from 'node:http';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain HTTP request with node:http, usable from any jest environment. */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Signs in as a seeded persona through the local demo sign-in; returns the session cookie. */
export async function signIn(baseUrl: string, openid: string): Promise<string> {
  const res = await request(`${baseUrl}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ openid, next: '/' }).toString(),
  });
  const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('jy_session='));
  if (!cookie) throw new Error(`sign-in as ${openid} failed: ${res.status} ${res.body}`);
  return cookie.split(';')[0];
}
