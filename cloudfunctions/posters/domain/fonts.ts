/**
 * Noto Sans SC (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-sans-sc: a
 * static TrueType file per weight, the whole CJK range, so any building or person's name is covered.
 * The function's `assets.json` lists the two files; build-functions copies them into its `assets/`
 * (deployed with the code), so the cloud installs no font package. Nothing is fetched at run time.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** The deployed copy beside the bundle, else the package (tests and tools running the sources). */
function fontFile(spec: string): string {
  const deployed = path.join(__dirname, 'assets', path.basename(spec));
  return existsSync(deployed) ? deployed : createRequire(__filename).resolve(spec);
}

export function posterFonts(): { regular: string; bold: string } {
  return { regular: fontFile(FILES.regular), bold: fontFile(FILES.bold) };
}
