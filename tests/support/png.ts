import { PNG } from 'pngjs';

/** A small valid PNG (a red square): a phone photo stand-in. */
export function png(size = 32): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([200, 22, 29, 255], i);
  return PNG.sync.write(image);
}
