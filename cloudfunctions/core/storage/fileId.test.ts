import { parseFileId, refuseFile, uploadPrefix } from './fileId';

describe('parseFileId', () => {
  test('CloudBase and local fileIDs', () => {
    expect(parseFileId('cloud://test2-4a89da.7465-test2-4a89da-1258717764/uploads/oAbc_12-x/1.jpg')).toEqual({
      env: 'test2-4a89da',
      bucket: '7465-test2-4a89da-1258717764',
      path: 'uploads/oAbc_12-x/1.jpg',
    });
    expect(parseFileId('cloud://local.local-1300000000/uploads/demo-resident/照片 1.png')).toEqual({
      env: 'local',
      bucket: 'local-1300000000',
      path: 'uploads/demo-resident/照片 1.png',
    });
  });

  test.each([
    'https://evil.example/p.jpg',
    'cloud://local/after.jpg',
    'cloud://local.local-1300000000/',
    'cloud://local.local-1300000000/uploads//a.jpg',
    'cloud://local.local-1300000000/uploads/../etc/passwd',
    'cloud://local.local-1300000000/uploads/./a.jpg',
    'cloud://local.local-1300000000/uploads/a%2F..%2Fb.jpg',
    'cloud://local.local-1300000000/uploads/a.jpg?x=1',
    'cloud://local.local-1300000000/uploads/a\\b.jpg',
    'cloud://.local-1300000000/uploads/a.jpg',
    'cloud://lo cal.local-1300000000/uploads/a.jpg',
  ])('rejects %s', (id) => expect(parseFileId(id)).toBeNull());
});

describe('refuseFile', () => {
  const me = { env: 'test2-4a89da', openid: 'oAbc_12-x' };
  const bucket = '7465-test2-4a89da-1258717764';

  test('the caller’s own upload in this environment is accepted', () => {
    expect(refuseFile(`cloud://test2-4a89da.${bucket}/uploads/oAbc_12-x/2024/1.jpg`, me)).toBeNull();
    expect(refuseFile('cloud://local.local-1300000000/uploads/demo-resident/a.jpg', { env: 'local', openid: 'demo-resident' })).toBeNull();
  });

  test('another environment', () => {
    expect(refuseFile(`cloud://prod-9z8y7x.7072-prod-9z8y7x-1258717764/uploads/oAbc_12-x/1.jpg`, me)).toBe('env');
    // The right env name in front of another environment's bucket.
    expect(refuseFile(`cloud://test2-4a89da.7072-prod-9z8y7x-1258717764/uploads/oAbc_12-x/1.jpg`, me)).toBe('env');
  });

  test('someone else’s upload, or a file outside the uploads folder', () => {
    expect(refuseFile(`cloud://test2-4a89da.${bucket}/uploads/oOther/1.jpg`, me)).toBe('owner');
    // A prefix of the openid is not the caller's folder.
    expect(refuseFile(`cloud://test2-4a89da.${bucket}/uploads/oAbc_12-x2/1.jpg`, me)).toBe('owner');
    expect(refuseFile(`cloud://test2-4a89da.${bucket}/${uploadPrefix(me.openid)}`, me)).toBe('format');
    expect(refuseFile(`cloud://test2-4a89da.${bucket}/posters/1.jpg`, me)).toBe('owner');
    expect(refuseFile(`cloud://test2-4a89da.${bucket}/oAbc_12-x/1.jpg`, me)).toBe('owner');
  });

  test('not a fileID', () => {
    expect(refuseFile('cloud://local/after.jpg', me)).toBe('format');
  });
});
