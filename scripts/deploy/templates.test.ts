import { TEMPLATES } from '../../cloudfunctions/modules';
import { templateRows, templateTable } from './templates';

describe('the template table a district fills in', () => {
  it('has one row per registered template, with its variable and every field key in order', () => {
    const rows = templateRows();
    expect(rows).toHaveLength(Object.keys(TEMPLATES).length);
    const confirmed = rows.find((r) => r.env === 'JIAYUAN_TMPL_BOOKING_CONFIRMED');
    expect(confirmed).toEqual({
      env: 'JIAYUAN_TMPL_BOOKING_CONFIRMED',
      title: '预约成功通知',
      audience: '居民',
      fields: '预约事项 thing1，预约时间 time2，办理地点 thing3，预约码 character_string4，温馨提示 thing5',
    });
    expect(new Set(rows.map((r) => r.env)).size).toBe(rows.length);
  });

  it('prints a markdown table', () => {
    const lines = templateTable([{ env: 'JIAYUAN_TMPL_X', title: '标题', audience: '工作人员', fields: '事项 thing1' }]);
    expect(lines).toEqual(['| 环境变量 | 模板标题 | 接收人 | 关键词（字段名） |', '| --- | --- | --- | --- |', '| `JIAYUAN_TMPL_X` | 标题 | 工作人员 | 事项 thing1 |']);
  });
});
