import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { dataMatrixPng } from './data-matrix-png.js';
import { a4, labelCell, pagesFor, type LabelCell } from './label-sheet-layout.js';

/** One sticker: the code scanners read (Data Matrix), the label people read, a caption (the size). */
export interface PrintedLabel {
  barcodeText: string;
  label: string;
  caption: string;
}

export interface LabelSheetOptions {
  title: string;
  labels: readonly PrintedLabel[];
  /** Stamped into the PDF's metadata (the kiosk's clock, so tests get the same bytes). */
  createdAt: Date;
}

const padding = 9;
const labelFontSize = 30;
const captionFontSize = 10;
const black = rgb(0, 0, 0);

/** The labels on as many A4 sheets as they need, as PDF bytes. */
export async function renderLabelSheet(options: LabelSheetOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title);
  pdf.setCreator('Casier');
  pdf.setCreationDate(options.createdAt);
  pdf.setModificationDate(options.createdAt);
  const fonts = {
    label: await pdf.embedFont(StandardFonts.HelveticaBold),
    caption: await pdf.embedFont(StandardFonts.Helvetica),
  };
  const pages: PDFPage[] = [];
  for (let page = 0; page < pagesFor(options.labels.length); page++) {
    pages.push(pdf.addPage([a4.width, a4.height]));
  }
  for (const [index, label] of options.labels.entries()) {
    const cell = labelCell(index);
    const page = pages[cell.page];
    if (page) {
      await drawLabel(pdf, page, cell, label, fonts);
    }
  }
  return pdf.save();
}

async function drawLabel(
  pdf: PDFDocument,
  page: PDFPage,
  cell: LabelCell,
  label: PrintedLabel,
  fonts: { label: PDFFont; caption: PDFFont },
): Promise<void> {
  const innerWidth = cell.width - 2 * padding;
  const top = cell.y + cell.height - padding;

  const caption = encodable(fonts.caption, label.caption);
  const captionWidth = fonts.caption.widthOfTextAtSize(caption, captionFontSize);
  page.drawText(caption, {
    x: cell.x + cell.width - padding - captionWidth,
    y: top - captionFontSize,
    size: captionFontSize,
    font: fonts.caption,
    color: black,
  });

  // The label as large as fits beside the caption: it is what people look for on the door.
  const text = encodable(fonts.label, label.label);
  const room = innerWidth - captionWidth - padding;
  const size = Math.min(
    labelFontSize,
    (labelFontSize * room) / fonts.label.widthOfTextAtSize(text, labelFontSize),
  );
  page.drawText(text, {
    x: cell.x + padding,
    y: top - fonts.label.heightAtSize(size, { descender: false }),
    size,
    font: fonts.label,
    color: black,
  });

  // The code square in the space left under the label text, bottom left, where a handheld
  // scanner is pointed; the caption column stays clear above it.
  const codeSide = top - size - padding - (cell.y + padding);
  const code = await pdf.embedPng(await dataMatrixPng(label.barcodeText));
  page.drawImage(code, {
    x: cell.x + padding,
    y: cell.y + padding,
    width: codeSide,
    height: codeSide,
  });
}

/**
 * The PDF standard fonts cover Latin-1 (WinAnsi) only, and pdf-lib throws on anything else:
 * a label such as "Ω3" prints "?3" rather than failing the whole sheet.
 */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(text, (character) =>
    supported.has(character.codePointAt(0) ?? 0) ? character : '?',
  ).join('');
}
