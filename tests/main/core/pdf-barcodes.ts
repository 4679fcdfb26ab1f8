import {
  BinaryBitmap,
  DataMatrixReader,
  DecodeHintType,
  HybridBinarizer,
  RGBLuminanceSource,
} from '@zxing/library';
import { inflateSync } from 'node:zlib';
import type { PDFNumber } from 'pdf-lib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/** White margin added around each image before decoding: the label's own quiet zone. */
const quietZonePx = 24;

/**
 * Reads a label sheet the way a scanner would read the printed page: every barcode image of
 * every page, decoded from its pixels with zxing, in the order the page draws them.
 */
export async function decodeBarcodesPerPage(pdfBytes: Uint8Array): Promise<string[][]> {
  const pdf = await PDFDocument.load(pdfBytes);
  return pdf.getPages().map((page) => {
    const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (!xObjects) {
      return [];
    }
    return [...xObjects.entries()].map(([, ref]) => {
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) {
        throw new Error('a label sheet XObject that is not an image stream');
      }
      return decodeImage(stream);
    });
  });
}

function decodeImage(stream: PDFRawStream): string {
  const number = (key: string) => (stream.dict.get(PDFName.of(key)) as PDFNumber).asNumber();
  const width = number('Width');
  const height = number('Height');
  if (
    stream.dict.get(PDFName.of('ColorSpace'))?.toString() !== '/DeviceRGB' ||
    number('BitsPerComponent') !== 8 ||
    stream.dict.get(PDFName.of('Filter'))?.toString() !== '/FlateDecode'
  ) {
    throw new Error('unexpected image encoding in the label sheet');
  }
  const rgb = inflateSync(stream.contents);
  const paddedWidth = width + 2 * quietZonePx;
  const luminance = new Uint8ClampedArray(paddedWidth * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      luminance[y * paddedWidth + x + quietZonePx] =
        ((rgb[at] ?? 0) + (rgb[at + 1] ?? 0) + (rgb[at + 2] ?? 0)) / 3;
    }
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, paddedWidth, height)),
  );
  return new DataMatrixReader()
    .decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]]))
    .getText();
}

/** The PDF's /Title from its Info dictionary. */
export async function pdfTitle(pdfBytes: Uint8Array): Promise<string | undefined> {
  return (await PDFDocument.load(pdfBytes, { updateMetadata: false })).getTitle();
}
