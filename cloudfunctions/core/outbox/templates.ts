/**
 * Subscribe-message templates: each module declares its own (`<module>/templates.ts`, registered in
 * cloudfunctions/modules.ts). Each field names its WeChat key (whose prefix is its kind) and a label;
 * callers pass values by the semantic names. Template ids come from the environment
 * (`JIAYUAN_TMPL_<KEY>`), because each mini-program picks its own from the public library.
 */
import { templateEnvName } from '../../../types/subscribe.constants';
import { fieldKindOf, formatField, type FieldInput } from './fields';

export { templateEnvName };

export interface FieldSpec {
  key: string;
  label: string;
}

export interface TemplateSpec {
  title: string;
  audience: 'resident' | 'staff';
  fields: Record<string, FieldSpec>;
}

export type Templates = Record<string, TemplateSpec>;

/** The values a template takes, by the semantic names of its fields. */
export type TemplateValues<T extends TemplateSpec> = { [F in keyof T['fields']]: FieldInput };

/** A module's templates, checked for shape and kept literal for typed rendering. */
export const defineTemplates = <T extends Templates>(templates: T): T => templates;

/** WeChat's `data` for a template: each value formatted and cut to its kind's limit. */
export function renderTemplate<T extends TemplateSpec>(template: T, values: TemplateValues<T>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [name, spec] of Object.entries(template.fields)) {
    data[spec.key] = formatField(fieldKindOf(spec.key), (values as Record<string, FieldInput>)[name]);
  }
  return data;
}

export function templateId(template: string, env: NodeJS.ProcessEnv = process.env): string | null {
  return env[templateEnvName(template)] || null;
}
