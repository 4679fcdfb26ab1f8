import bwipjs from 'bwip-js';
import { encodeGreyscalePng } from './greyscale-png.js';

/** The pickup QR as a PNG image, with its size for the HTML `<img>`. */
export interface QrCodePng {
  png: Buffer;
  widthPx: number;
  heightPx: number;
}

/**
 * 5 px per module keeps a version 8 symbol (a `CSR1-PU-…` token) under 300 px, sharp on a
 * phone held up to the kiosk's scanner; 4 modules of white all round are the quiet zone the QR
 * specification asks for. Error correction M survives a cracked phone screen.
 */
const pixelsPerModule = 5;
const quietZoneModules = 4;

export function qrCodePng(text: string): QrCodePng {
  const [symbol] = bwipjs.raw('qrcode', text, 'eclevel=M');
  if (!symbol || !('pixs' in symbol)) {
    throw new Error('bwip-js returned no QR matrix');
  }
  const modulesAcross = symbol.pixx + 2 * quietZoneModules;
  const modulesDown = symbol.pixy + 2 * quietZoneModules;
  const widthPx = modulesAcross * pixelsPerModule;
  const heightPx = modulesDown * pixelsPerModule;
  const pixels = new Uint8Array(widthPx * heightPx).fill(255);
  for (let moduleY = 0; moduleY < symbol.pixy; moduleY++) {
    for (let moduleX = 0; moduleX < symbol.pixx; moduleX++) {
      if (symbol.pixs[moduleY * symbol.pixx + moduleX] !== 1) {
        continue;
      }
      const left = (moduleX + quietZoneModules) * pixelsPerModule;
      const top = (moduleY + quietZoneModules) * pixelsPerModule;
      for (let y = top; y < top + pixelsPerModule; y++) {
        pixels.fill(0, y * widthPx + left, y * widthPx + left + pixelsPerModule);
      }
    }
  }
  return { png: encodeGreyscalePng(widthPx, heightPx, pixels), widthPx, heightPx };
}
