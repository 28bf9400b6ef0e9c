/**
 * The subscribe-message templates a district picks in 微信公众平台 (功能 → 订阅消息 → 公共模板库), one row
 * per template: the environment variable its id goes in, its title, who gets it, and the keyword of
 * each field in order. `npm run deploy -- --templates` prints it.
 */
import { TEMPLATES } from '../../cloudfunctions/modules';
import { templateEnvName, type Templates } from '../../cloudfunctions/core/outbox/templates';

export interface TemplateRow {
  env: string;
  title: string;
  audience: '居民' | '工作人员';
  fields: string;
}

export function templateRows(templates: Templates = TEMPLATES): TemplateRow[] {
  return Object.entries(templates)
    .map(([name, spec]) => ({
      env: templateEnvName(name),
      title: spec.title,
      audience: spec.audience === 'resident' ? ('居民' as const) : ('工作人员' as const),
      fields: Object.values(spec.fields).map((f) => `${f.label} ${f.key}`).join('，'),
    }))
    .sort((a, b) => a.env.localeCompare(b.env));
}

export function templateTable(rows: TemplateRow[] = templateRows()): string[] {
  return ['| 环境变量 | 模板标题 | 接收人 | 关键词（字段名） |', '| --- | --- | --- | --- |', ...rows.map((r) => `| \`${r.env}\` | ${r.title} | ${r.audience} | ${r.fields} |`)];
}
