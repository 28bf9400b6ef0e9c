import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';
import { OpenApiError, type WxMessagingApi } from '../openapi/types';
import { localChecker, wechatChecker, type TempUrls } from './checker';
import { IMAGE_RISKY_MESSAGE, screenInput, TEXT_RISKY_MESSAGE } from './screen';
import type { ContentChecker, Verdict } from './types';
import { loadWords, matchWords, parseWords, wordsPath } from './words';

describe('word list', () => {
  const words = parseWords('# 注释\nrisky:赌博\nreview：加微信\n\nnonsense line\nrisky: Casino \n');

  test('parses risky and review lines, ignoring comments and junk', () => {
    expect(words).toEqual({ risky: ['赌博', 'casino'], review: ['加微信'] });
  });

  test('matches ignoring case, width, spaces and punctuation; risky wins over review', () => {
    expect(matchWords('楼下有人聚众赌 博', words)).toBe('risky');
    expect(matchWords('ＣＡＳＩＮＯ开业', words)).toBe('risky');
    expect(matchWords('有事加-微信', words)).toBe('review');
    expect(matchWords('加微信一起赌博', words)).toBe('risky');
    expect(matchWords('楼道灯坏了', words)).toBe('pass');
    expect(matchWords('', words)).toBe('pass');
  });

  test('the shipped list is found beside the module and has both kinds', () => {
    const file = wordsPath({});
    expect(file).toMatch(/core[/\\]content[/\\]words\.txt$/);
    const shipped = loadWords(file);
    expect(shipped.risky.length).toBeGreaterThan(0);
    expect(shipped.review.length).toBeGreaterThan(0);
  });

  test('JIAYUAN_CONTENT_WORDS points elsewhere; edits take effect without a restart', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jy-words-')), 'words.txt');
    writeFileSync(file, 'risky:甲\n');
    expect(wordsPath({ JIAYUAN_CONTENT_WORDS: file })).toBe(file);
    const checker = localChecker(file);
    return (async () => {
      expect(await checker.checkText('乙', { openid: 'o', scene: 'comment' })).toBe('pass');
      writeFileSync(file, 'risky:甲\nreview:乙\n');
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      expect(await checker.checkText('乙', { openid: 'o', scene: 'comment' })).toBe('review');
      expect(await checker.checkImages(['cloud://local.local-1/uploads/o/甲.jpg', 'cloud://local.local-1/uploads/o/a.jpg'], { openid: 'o' })).toEqual([
        'risky',
        'pass',
      ]);
    })();
  });

  test('a missing list checks nothing', () => {
    expect(loadWords(path.join(os.tmpdir(), 'no-such-words.txt'))).toEqual({ risky: [], review: [] });
  });
});

describe('WeChat checker (msgSecCheck v2, mediaCheckAsync v2)', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  type Call = { api: 'msgSecCheck' | 'mediaCheckAsync'; request: { openid: string; scene: number; content?: string; mediaUrl?: string } };
  /** WeChat as the port sees it: `answer` returns a suggestion / trace id, or throws as wx-server-sdk does. */
  function fakeApi(answer: (call: Call) => string | null, urls: Record<string, string> = {}) {
    const calls: Call[] = [];
    const api: Pick<WxMessagingApi, 'msgSecCheck' | 'mediaCheckAsync'> = {
      async msgSecCheck(request) {
        calls.push({ api: 'msgSecCheck', request });
        return { suggest: answer({ api: 'msgSecCheck', request }) };
      },
      async mediaCheckAsync(request) {
        calls.push({ api: 'mediaCheckAsync', request });
        return { traceId: answer({ api: 'mediaCheckAsync', request }) };
      },
    };
    const files: TempUrls = {
      async getTempFileURL({ fileList }) {
        return {
          fileList: fileList.map((fileID) => (urls[fileID] ? { fileID, tempFileURL: urls[fileID], code: 'SUCCESS' } : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' })),
        };
      },
    };
    return { checker: wechatChecker(api, files), calls };
  }

  test('sends the text with the openid and scene number, and maps the suggestion', async () => {
    for (const suggest of ['pass', 'review', 'risky'] as const) {
      const { checker, calls } = fakeApi(() => suggest);
      expect(await checker.checkText('楼道堆物', { openid: 'oX', scene: 'forum' })).toBe(suggest);
      expect(calls).toEqual([{ api: 'msgSecCheck', request: { content: '楼道堆物', scene: 3, openid: 'oX' } }]);
    }
  });

  test('a refusal by WeChat, a network error or an unknown suggestion is review, not pass', async () => {
    const refusals: Array<() => string | null> = [
      () => {
        throw new OpenApiError('security.msgSecCheck', 61010, 'user is not visited in 2 hours');
      },
      () => {
        throw new Error('network');
      },
      () => null,
      () => 'maybe',
    ];
    for (const answer of refusals) {
      const { checker } = fakeApi(answer);
      expect(await checker.checkText('文字', { openid: 'oX', scene: 'comment' })).toBe('review');
    }
  });

  test('empty text is not sent', async () => {
    const { checker, calls } = fakeApi(() => 'pass');
    expect(await checker.checkText('  ', { openid: 'oX', scene: 'comment' })).toBe('pass');
    expect(calls).toHaveLength(0);
  });

  test('images are submitted one by one by temporary URL; accepted → pass, unsubmittable → review', async () => {
    const a = 'cloud://e.b/uploads/oX/a.jpg';
    const b = 'cloud://e.b/uploads/oX/b.jpg';
    const missing = 'cloud://e.b/uploads/oX/gone.jpg';
    const { checker, calls } = fakeApi(
      ({ request }) => {
        if (request.mediaUrl === 'https://tmp/b') throw new OpenApiError('security.mediaCheckAsync', 40048, 'invalid url');
        return 'tr';
      },
      { [a]: 'https://tmp/a', [b]: 'https://tmp/b' },
    );
    const verdicts: Verdict[] = await checker.checkImages([a, b, missing], { openid: 'oX' });
    expect(verdicts).toEqual(['pass', 'review', 'review']);
    expect(calls.map((c) => c.api)).toEqual(['mediaCheckAsync', 'mediaCheckAsync']);
    expect(calls[0].request).toEqual({ mediaUrl: 'https://tmp/a', scene: 2, openid: 'oX' });
  });
});

describe('screenInput', () => {
  const env = 'local';
  const mine = (name: string) => `cloud://local.local-1300000000/uploads/me/${name}`;
  const theirs = 'cloud://local.local-1300000000/uploads/someone/x.jpg';
  /** Verdicts by content: texts and image names containing a word. */
  const checker: ContentChecker & { seen: string[] } = {
    seen: [],
    async checkText(text) {
      this.seen.push(text);
      return text.includes('坏词') ? 'risky' : text.includes('待审') ? 'review' : 'pass';
    },
    async checkImages(ids) {
      this.seen.push(...ids);
      return ids.map((id) => (id.includes('bad') ? 'risky' : id.includes('hold') ? 'review' : 'pass'));
    },
  };
  const ctx = { openid: 'me', env, checker };
  const def = { text: ['description', 'tags'], images: ['photos'] };

  beforeEach(() => {
    checker.seen = [];
  });

  async function refusal(input: Record<string, unknown>): Promise<AppError> {
    try {
      await screenInput(def, input, ctx);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  test('clean input passes; a review anywhere makes the whole input review', async () => {
    expect(await screenInput(def, { description: '楼道灯坏了', photos: [mine('a.jpg')] }, ctx)).toBe('pass');
    expect(await screenInput(def, { description: '楼道灯坏了，待审', photos: [] }, ctx)).toBe('review');
    expect(await screenInput(def, { description: '楼道灯坏了', photos: [mine('a.jpg'), mine('hold.jpg')] }, ctx)).toBe('review');
    expect(await screenInput({ text: ['comment'] }, { comment: undefined }, ctx)).toBe('pass');
  });

  test('risky text → INVALID_INPUT on the field path with the message', async () => {
    const e = await refusal({ description: '有坏词', tags: ['好', '坏词'], photos: [] });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(TEXT_RISKY_MESSAGE);
    expect(e.issues).toEqual([
      { path: 'description', message: TEXT_RISKY_MESSAGE },
      { path: 'tags.1', message: TEXT_RISKY_MESSAGE },
    ]);
  });

  test('risky image → INVALID_INPUT on photos.<i>', async () => {
    const e = await refusal({ description: '好', photos: [mine('a.jpg'), mine('bad.jpg')] });
    expect(e.issues).toEqual([{ path: 'photos.1', message: IMAGE_RISKY_MESSAGE }]);
  });

  test('another person’s or another environment’s file is refused and never sent to content security', async () => {
    const e = await refusal({
      description: '好',
      photos: [mine('a.jpg'), theirs, 'cloud://prod.7072-prod-1258717764/uploads/me/a.jpg', 'cloud://local/after.jpg'],
    });
    expect(e.issues).toEqual([
      { path: 'photos.1', message: '只能使用自己上传的图片，请重新上传' },
      { path: 'photos.2', message: '图片不在本小程序的云存储中，请重新上传' },
      { path: 'photos.3', message: '图片地址无效，请重新上传' },
    ]);
    expect(checker.seen).not.toContain(theirs);
  });
});
