const cache = new Map<string, Promise<string>>();

async function fetchH5(fileIDs: string[]): Promise<Record<string, string>> {
  const response = await fetch('/api/storage/temp-urls', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileList: fileIDs }),
  });
  const body = (await response.json()) as { fileList?: Array<{ fileID: string; tempFileURL: string }> };
  return Object.fromEntries((body.fileList ?? []).map((f) => [f.fileID, f.tempFileURL]));
}

/**
 * A displayable URL for a `cloud://` file. The mini-program's <Image> takes file ids as they are;
 * the H5 app asks the local runtime for a signed temporary URL.
 */
export function displayUrl(fileID: string): Promise<string> {
  if (process.env.TARO_ENV !== 'h5' || !fileID.startsWith('cloud://')) return Promise.resolve(fileID);
  let url = cache.get(fileID);
  if (!url) {
    url = fetchH5([fileID]).then((map) => map[fileID] ?? '');
    url.catch(() => cache.delete(fileID));
    cache.set(fileID, url);
  }
  return url;
}
