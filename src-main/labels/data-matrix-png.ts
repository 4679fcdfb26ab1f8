import bwipjs from 'bwip-js';

/**
 * A Data Matrix symbol as a PNG (C1: compartment and shelf labels). A 2-D code rather than
 * Code 128: `CSR1-C-<uuid>` as Code 128 needs some 450 modules, too thin to print on a 70 mm
 * label (0.14 mm bars; printers and scanners want 0.19 mm or more), while as Data Matrix it is
 * a square of about 26 modules, each well over half a millimetre on the sticker. 4 px per module
 * keeps the modules whole when the PDF scales it; two modules of white all round are the quiet
 * zone scanners need.
 */
export function dataMatrixPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'datamatrix',
    text,
    scale: 4,
    paddingwidth: 2,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
}
