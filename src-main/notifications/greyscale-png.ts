import { deflateSync } from 'node:zlib';

/**
 * A minimal PNG encoder for 8-bit greyscale images: enough for a black-and-white QR code.
 * Written here rather than taken from bwip-js because its PNG output is asynchronous only,
 * and a message is composed synchronously inside the caller's flow (no await between reading
 * the deposit and queueing its notification).
 */

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const greyscaleColourType = 0;
const bitDepth = 8;

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit++) {
    value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  }
  return value >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** `pixels` holds one byte per pixel (0 black … 255 white), row after row from the top. */
export function encodeGreyscalePng(width: number, height: number, pixels: Uint8Array): Buffer {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError('a PNG needs a positive whole width and height');
  }
  if (pixels.length !== width * height) {
    throw new RangeError(`expected ${width * height} pixels, got ${pixels.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(bitDepth, 8);
  header.writeUInt8(greyscaleColourType, 9);
  // Bytes 10–12: compression 0 (deflate), filter method 0, no interlace.
  const rows = Buffer.alloc((width + 1) * height);
  for (let row = 0; row < height; row++) {
    // Each row starts with its filter type; 0 (none) is plenty for two-colour images.
    rows[row * (width + 1)] = 0;
    rows.set(pixels.subarray(row * width, (row + 1) * width), row * (width + 1) + 1);
  }
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
