import { escapeHtml } from '../http';
import type { Doc } from './db-read';

export interface Persona {
  openid: string;
  name: string;
  label: string;
  order: number;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2329;background:#f5f6f7}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:22px;margin:8px 0 4px}
.hint{color:#646a73;font-size:14px;margin:0 0 16px}
.card{background:#fff;border-radius:12px;padding:14px 16px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
form{margin:0}
button.persona{display:block;width:100%;text-align:left;background:#fff;border:1px solid #dee0e3;border-radius:12px;padding:14px 16px;margin:0 0 10px;font:inherit;color:inherit;cursor:pointer;min-height:56px}
button.persona:hover,button.persona:focus{border-color:#c8102e;outline:none;background:#fff7f7}
button.persona strong{display:block;font-size:17px}
button.persona span{display:block;color:#646a73;font-size:13px}
button.plain{background:none;border:1px solid #dee0e3;border-radius:8px;padding:6px 14px;font:inherit;font-size:14px;cursor:pointer}
.current{border-left:4px solid #c8102e}
nav{margin:16px 0 0;font-size:14px}
nav a{color:#c8102e}
dl{margin:8px 0 0;font-size:14px}
dt{color:#646a73;float:left;clear:left;min-width:5em;margin-right:8px}
dd{margin:0 0 4px;word-break:break-all}
.time{color:#646a73;font-size:13px}
.empty{color:#646a73;text-align:center;padding:32px 0}
pre{white-space:pre-wrap;word-break:break-all;font-size:13px;margin:0}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function loginPage(
  personas: Persona[],
  next: string,
  current: { openid: string; name: string; label: string } | null,
  error?: string,
): string {
  const currentBlock = current
    ? `<div class="card current"><div>当前身份：<strong>${escapeHtml(current.label || current.name)}</strong></div>
<div class="hint" style="margin:0">${escapeHtml(current.name)} · ${escapeHtml(current.openid)}</div>
<form method="post" action="/dev/logout" style="margin-top:8px"><button class="plain" type="submit">退出登录</button></form></div>`
    : '';
  const buttons = personas
    .map(
      (p) => `<form method="post" action="/dev/login"><input type="hidden" name="openid" value="${escapeHtml(p.openid)}">
<input type="hidden" name="next" value="${escapeHtml(next)}"><button class="persona" type="submit">
<strong>${escapeHtml(p.label)}</strong><span>OPENID ${escapeHtml(p.openid)}</span></button></form>`,
    )
    .join('\n');
  const list = personas.length
    ? buttons
    : '<div class="card empty">还没有演示身份。导入演示数据后刷新本页即可。</div>';
  return page(
    '选择演示身份 · 幸福家园',
    `<h1>选择演示身份</h1>${error ? `<p class="hint">${escapeHtml(error)}</p>` : ''}
<p class="hint">这里是本地演示环境。选择一个身份登录，相当于用该用户的微信打开小程序。</p>
${currentBlock}${list}
<form method="post" action="/dev/login"><input type="hidden" name="openid" value="__new__">
<input type="hidden" name="next" value="${escapeHtml(next)}"><button class="persona" type="submit">
<strong>新用户</strong><span>以一个从未使用过的微信身份进入</span></button></form>
<nav><a href="/dev/messages">查看消息记录</a> · <a href="${escapeHtml(next)}">返回应用</a></nav>`,
  );
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

function formatTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? TIME.format(date) : '';
}

function show(value: unknown): string {
  if (value instanceof Date) return formatTime(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 1);
  return String(value);
}

export function messagesPage(messages: Doc[]): string {
  const items = messages
    .map((message) => {
      const { _id, createdAt, ...rest } = message;
      const fields = Object.entries(rest)
        .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd><pre>${escapeHtml(show(value))}</pre></dd>`)
        .join('');
      return `<div class="card"><div class="time">${escapeHtml(formatTime(createdAt))} · ${escapeHtml(_id)}</div><dl>${fields}</dl></div>`;
    })
    .join('\n');
  return page(
    '消息记录 · 幸福家园',
    `<h1>消息记录</h1>
<p class="hint">本地环境不会真的发送微信订阅消息，发出的消息都记录在这里，最新的在前。</p>
${items || '<div class="card empty">还没有消息。</div>'}
<nav><a href="/dev/messages">刷新</a> · <a href="/dev/login">切换身份</a> · <a href="/">返回应用</a></nav>`,
  );
}
