/**
 * Where each label goes on an A4 sheet of 3 × 8 self-adhesive labels, 70 × 37.125 mm each with
 * no sheet margin (the common "24 per sheet" office-label format). PDF units: points, origin at
 * the bottom left of the page.
 */
const pointsPerMm = 72 / 25.4;

export const a4 = { width: 210 * pointsPerMm, height: 297 * pointsPerMm };
export const labelSheet = { columns: 3, rows: 8 };
export const labelsPerPage = labelSheet.columns * labelSheet.rows;

export interface LabelCell {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell of the `index`-th label: left to right, top to bottom, then the next page. */
export function labelCell(index: number): LabelCell {
  const width = a4.width / labelSheet.columns;
  const height = a4.height / labelSheet.rows;
  const onPage = index % labelsPerPage;
  const column = onPage % labelSheet.columns;
  const row = Math.floor(onPage / labelSheet.columns);
  return {
    page: Math.floor(index / labelsPerPage),
    x: column * width,
    y: a4.height - (row + 1) * height,
    width,
    height,
  };
}

export function pagesFor(labelCount: number): number {
  return Math.max(1, Math.ceil(labelCount / labelsPerPage));
}
