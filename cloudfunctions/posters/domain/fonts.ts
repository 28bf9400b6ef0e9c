/**
 * Noto Sans SC (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-sans-sc: a
 * static TrueType file per weight, the whole CJK range, so any building or person's name is covered.
 * Listed in the function's package.json, installed with it; nothing is fetched at run time.
 */
import { createRequire } from 'node:module';

export function posterFonts(): { regular: string; bold: string } {
  const { resolve } = createRequire(__filename);
  return {
    regular: resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
}
