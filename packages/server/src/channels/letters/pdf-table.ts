import { printable } from './fonts.ts';
import { CONTENT_WIDTH, ensureSpace, INK, MARGIN, MM, type Pdf, RULE } from './pdf-kit.ts';

/** A section heading of an agreement or a receipt, kept with what follows it. */
export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 40);
  doc
    .moveDown(0.6)
    .font('bold')
    .fontSize(11)
    .fillColor(INK)
    .text(printable(text), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
}

/**
 * A three-column table: two left-aligned columns starting at `columns[0]` and `columns[1]`, the last (an
 * amount) right-aligned from `columns[2]` to the margin, each other cell `cellWidth` wide; a rule under the header.
 */
export function table(
  doc: Pdf,
  header: readonly [string, string, string],
  rows: readonly (readonly string[])[],
  columns: readonly [number, number, number] = [0, 70 * MM, 120 * MM],
  cellWidth = 60 * MM,
): void {
  const row = (cells: readonly string[], font: 'regular' | 'bold') => {
    ensureSpace(doc, 16);
    const y = doc.y;
    doc.font(font).fontSize(9.5);
    cells.forEach((cell, i) => {
      const last = i === cells.length - 1;
      doc.text(printable(cell), MARGIN.left + (last ? columns[2] : (columns[i] ?? 0)), y, {
        width: last ? CONTENT_WIDTH - columns[2] : cellWidth,
        align: last ? 'right' : 'left',
        lineBreak: false,
      });
    });
    doc.y = y + 14;
  };
  row(header, 'bold');
  doc
    .strokeColor(RULE)
    .moveTo(MARGIN.left, doc.y - 2)
    .lineTo(MARGIN.left + CONTENT_WIDTH, doc.y - 2)
    .stroke();
  for (const cells of rows) row(cells, 'regular');
  doc.x = MARGIN.left;
}
