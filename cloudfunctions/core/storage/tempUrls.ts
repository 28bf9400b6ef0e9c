/**
 * Photos reach clients through functions: the storage rules let a client read only its own files,
 * so a function that decides someone may see a photo hands them a signed URL that expires.
 */
import { cloud } from '../platform/cloud';

/** Long enough to look through a page; short enough that a URL passed on stops working. */
export const PHOTO_URL_MAX_AGE_SECONDS = 2 * 3600;

/** Signed download URLs for the given `cloud://` file ids; a file that cannot be signed maps to ''. */
export async function signedUrls(fileIDs: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(fileIDs.filter((id) => id.startsWith('cloud://')))];
  const urls = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 50) {
    const fileList = ids.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: PHOTO_URL_MAX_AGE_SECONDS }));
    const { fileList: signed } = await cloud().getTempFileURL({ fileList });
    for (const f of signed) urls.set(f.fileID, f.code && f.code !== 'SUCCESS' ? '' : f.tempFileURL);
  }
  return urls;
}
