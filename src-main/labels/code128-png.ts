import bwipjs from 'bwip-js';

/**
 * A Code 128 barcode as a PNG (C1: compartment and shelf labels), 3 px per module so the bars
 * stay whole when the PDF scales it down. Opaque white background: a transparent one prints
 * the same but leaves scanners and previews guessing.
 */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 12,
    includetext: false,
    backgroundcolor: 'FFFFFF',
  });
}
