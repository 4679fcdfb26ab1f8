import type { LabelSheet } from '../../src-shared/api/contract.js';

/** The PDF's bytes from the base64 both transports carry. */
export function labelSheetBytes(sheet: LabelSheet): Uint8Array<ArrayBuffer> {
  const binary = atob(sheet.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

/**
 * Hands the label sheet to the browser as a download named by the core, for the operator to
 * print (C1). A link click is the one way a page saves a file in every browser and in Electron.
 */
export function downloadLabelSheet(sheet: LabelSheet, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([labelSheetBytes(sheet)], { type: 'application/pdf' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = sheet.fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; later would only keep memory.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
