/** Launch options of the QR landing page: the mini-program code's `scene`, a scanned link's `q`, or the H5 URL's `code`. */
export interface ScanOptions {
  scene?: string;
  q?: string;
  code?: string;
  c?: string;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function fromQuery(text: string): string | null {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if ((key === 'c' || key === 'code') && value) return safeDecode(value);
  }
  return null;
}

/**
 * The building code carried by the launch options, or null when there is none.
 * `scene` is `c=<code>` or the bare code; `q` is the whole scanned URL, with the code in `c`/`code`
 * or as its last path segment. The server validates the code itself.
 */
export function parseScanCode(options: ScanOptions): string | null {
  const direct = options.code ?? options.c;
  if (direct) return safeDecode(direct)?.trim() || null;
  if (options.scene) {
    const scene = safeDecode(options.scene);
    if (!scene) return null;
    return (scene.includes('=') ? fromQuery(scene) : scene.trim()) || null;
  }
  if (options.q) {
    const url = safeDecode(options.q);
    if (!url) return null;
    const found = fromQuery(url);
    if (found) return found.trim() || null;
    const path = url.split('?')[0].replace(/\/+$/, '');
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last && !last.includes('.') ? last : null;
  }
  return null;
}
