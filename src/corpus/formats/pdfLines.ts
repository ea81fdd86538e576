/** One run of text as pdf.js places it on the page (PDF units, y grows upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size the run is drawn at; 0 for the spaces pdf.js inserts. */
  height: number;
}

/** A visual line of a page: its text and where it starts and ends, for the paragraph rules. */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/**
 * Items of one page → its lines, top to bottom. Items whose baselines are within half a font size
 * belong to one line (a number set in another font sits a little higher or lower); within a line,
 * items are read left to right, whatever order the content stream drew them in.
 */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const glyphs = items.filter((i) => i.str.trim() !== '');
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const current = groups.at(-1);
    const size = Math.max(item.height, current?.[0]?.height ?? 0, 1);
    if (current && Math.abs(current[0]!.y - item.y) <= size / 2) current.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const line = group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of line) {
      // A visible gap of about a character is a space the PDF drew by moving the pen, not by a glyph.
      if (text && item.x - end > Math.max(item.height, 1) * 0.8) text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    const first = line[0]!;
    return {
      text: text.replace(/\s+/gu, ' ').trim(),
      left: first.x,
      right: Math.max(...line.map((i) => i.x + i.width)),
      y: first.y,
      size: Math.max(...line.map((i) => i.height)),
    };
  });
}
