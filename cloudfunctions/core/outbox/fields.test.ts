import { formatField, fieldKindOf, EMPTY_VALUE } from './fields';

describe('subscribe-message field limits', () => {
  test('thing: 20 characters including the ellipsis; short text unchanged', () => {
    expect(formatField('thing', '电梯坏了')).toBe('电梯坏了');
    const long = '三号楼二单元电梯已经停运三天了老人上下楼非常困难请尽快维修';
    const out = formatField('thing', long);
    expect(Array.from(out)).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
    expect(out.startsWith('三号楼二单元电梯已经停运三天了老人上下')).toBe(true);
    expect(formatField('thing', 'a'.repeat(20))).toBe('a'.repeat(20));
  });

  test('thing counts code points, so an emoji is one character and never split', () => {
    const out = formatField('thing', '😀'.repeat(25));
    expect(Array.from(out)).toHaveLength(20);
    expect(out).toBe(`${'😀'.repeat(19)}…`);
  });

  test('thing: line breaks and runs of spaces collapse', () => {
    expect(formatField('thing', '  第一行\n第二行\t\t第三行 ')).toBe('第一行 第二行 第三行');
  });

  test('phrase: at most 5 Chinese characters, nothing else', () => {
    expect(formatField('phrase', '区市指挥中心')).toBe('区市指挥中');
    expect(formatField('phrase', '已办结!')).toBe('已办结');
  });

  test('character_string: printable ASCII, 32 at most', () => {
    expect(formatField('character_string', 'YT20261001-ABCDEF')).toBe('YT20261001-ABCDEF');
    expect(formatField('character_string', 'x'.repeat(40))).toHaveLength(32);
    expect(formatField('character_string', '编号A1')).toBe('A1');
  });

  test('time: YYYY年MM月DD日 HH:mm in Asia/Shanghai', () => {
    expect(formatField('time', new Date('2026-09-30T16:05:00Z'))).toBe('2026年10月01日 00:05');
    expect(formatField('time', '2026-03-10T01:02:00Z')).toBe('2026年03月10日 09:02');
    expect(formatField('time', 'not a date')).toBe(EMPTY_VALUE);
    expect(formatField('date', new Date('2026-09-30T16:05:00Z'))).toBe('2026年10月01日');
  });

  test('name: 10 Chinese or 20 Latin characters', () => {
    expect(formatField('name', '欧阳娜娜娜娜娜娜娜娜娜娜')).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(formatField('name', 'Alexander Hamilton Junior')).toBe('Alexander Hamilton J');
  });

  test('phone_number: digits and symbols, 17 at most', () => {
    expect(formatField('phone_number', '0535-12345678')).toBe('0535-12345678');
    expect(formatField('phone_number', '+86 138 0000 0000 转 123456')).toBe('+86 138 0000 0000');
  });

  test('empty values become a dash (WeChat rejects empty fields)', () => {
    expect(formatField('thing', '')).toBe(EMPTY_VALUE);
    expect(formatField('thing', null)).toBe(EMPTY_VALUE);
    expect(formatField('phrase', 'abc')).toBe(EMPTY_VALUE);
  });

  test('kind from the field key', () => {
    expect(fieldKindOf('thing12')).toBe('thing');
    expect(fieldKindOf('character_string3')).toBe('character_string');
    expect(fieldKindOf('phone_number5')).toBe('phone_number');
    expect(() => fieldKindOf('bogus1')).toThrow();
  });
});
