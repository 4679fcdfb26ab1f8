import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js';

const width = 640;
const height = 480;
const frames = 30;

/**
 * Writes a Y4M video (the format Chromium's fake camera reads with
 * --use-file-for-fake-video-capture) showing a QR code of `text`, black on white, centred.
 * Only the luma plane carries the picture; chroma is neutral grey.
 */
export function writeQrCodeVideo(path: string, text: string): void {
  const [symbol] = bwipjs.raw('qrcode', text, '');
  if (!symbol || !('pixs' in symbol)) {
    throw new Error('bwip-js did not return a QR matrix');
  }
  const moduleSize = Math.floor(Math.min(width, height) / (symbol.pixx + 8));
  const left = Math.floor((width - symbol.pixx * moduleSize) / 2);
  const top = Math.floor((height - symbol.pixy * moduleSize) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < symbol.pixy; y++) {
    for (let x = 0; x < symbol.pixx; x++) {
      if (symbol.pixs[y * symbol.pixx + x]) {
        for (let dy = 0; dy < moduleSize; dy++) {
          const row = (top + y * moduleSize + dy) * width + left + x * moduleSize;
          luma.fill(16, row, row + moduleSize);
        }
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
