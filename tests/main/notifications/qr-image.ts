import { expect } from 'vitest';
import { inflateSync } from 'node:zlib';
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';

/**
 * Reads back a QR image made by src-main/notifications/qr-code-png.ts: unpacks the 8-bit
 * greyscale PNG (one IDAT, filter 0 on every row, as the encoder writes it) and decodes it with
 * ZXing, an implementation independent of the one that drew it.
 */
export function decodeQrPng(png: Buffer): string {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('ascii');
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9]]).toEqual([8, 0]);
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const luminances = new Uint8ClampedArray(width * height);
  for (let row = 0; row < height; row++) {
    expect(rows[row * (width + 1)]).toBe(0);
    luminances.set(rows.subarray(row * (width + 1) + 1, (row + 1) * (width + 1)), row * width);
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminances, width, height)),
  );
  const hints = new Map([[DecodeHintType.PURE_BARCODE, true]]);
  return new QRCodeReader().decode(bitmap, hints).getText();
}
