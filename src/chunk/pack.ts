import { splitSentences } from '../text/sentences.ts';

const length = (s: string) => [...s].length;

/**
 * Packs units (sentences, article items) greedily into pieces of at most `maxChars`, never
 * splitting a unit; a unit longer than the limit becomes a piece of its own. The last `overlap`
 * units of a piece start the next one when they are short enough to be worth repeating.
 */
export function pack(units: readonly string[], maxChars: number, overlap: number, joiner = ''): string[][] {
  const pieces: string[][] = [];
  let current: string[] = [];
  let size = 0;
  let fresh = 0;
  for (const unit of units) {
    if (fresh > 0 && size + length(unit) > maxChars) {
      pieces.push(current);
      const carried = overlap > 0 ? current.slice(-overlap).filter((u) => length(u) <= maxChars / 3) : [];
      current = [...carried];
      size = carried.reduce((n, u) => n + length(u), 0);
      fresh = 0;
    }
    current.push(unit);
    size += length(unit) + length(joiner);
    fresh++;
  }
  if (fresh > 0) pieces.push(current);
  return pieces;
}

/** Paragraph lines → sentence units; the last sentence of each paragraph keeps its line break. */
export function sentenceUnits(lines: readonly string[]): string[] {
  const units: string[] = [];
  lines.forEach((line, i) => {
    const sentences = splitSentences(line);
    sentences.forEach((s, j) => units.push(j === sentences.length - 1 && i < lines.length - 1 ? `${s}\n` : s));
  });
  return units;
}
