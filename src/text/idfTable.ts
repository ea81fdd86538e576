/** Powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Digits an integer can have and still be a double exactly. */
const EXACT_DIGITS = 15;

/**
 * The number text[from, to) holds, as Number() reads it. A plain decimal (13.900677652) is read
 * without a string: its digits as an integer over a power of ten, both exact, so the one rounding of
 * the division gives the nearest double, as Number() does. Anything else goes to Number().
 */
function parseNumber(text: string, from: number, to: number): number {
  let digits = 0;
  let mantissa = 0;
  let decimals = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return Number(text.slice(from, to));
    }
  }
  if (digits === 0 || digits > EXACT_DIGITS || decimals === 0) return Number(text.slice(from, to));
  return decimals > 0 ? mantissa / EXACT_POWERS_OF_TEN[decimals]! : mantissa;
}

function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * A `word value` table such as jieba's idf.utf8 (about 260,000 lines), kept as the file's text with
 * an open-addressing hash table of offsets into it: a Map of 260,000 sliced strings and parsed numbers
 * took 0.37 s of the thread that answers, and most of its garbage, before the first answer. Reads
 * as that Map did: lines without a space after the word are skipped, the last line for a word wins.
 */
export class IdfTable {
  /** Each slot holds a word's number (its place in starts, ends and values) or -1. */
  private readonly slots: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly values: Float64Array;
  private words = 0;
  /** The median value over the words, for words the table does not know. */
  median = 1;

  private constructor(
    private readonly text: string,
    capacity: number,
  ) {
    let size = 1;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  static parse(text: string): IdfTable {
    let lines = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    const table = new IdfTable(text, lines);
    for (let at = 0; at < text.length; ) {
      const newline = text.indexOf('\n', at);
      const end = newline < 0 ? text.length : newline;
      const space = text.indexOf(' ', at);
      if (space > at && space < end) table.set(at, space, parseNumber(text, space + 1, end));
      at = end + 1;
    }
    const sorted = table.values.slice(0, table.words).sort();
    table.median = sorted[Math.floor(table.words / 2)] ?? 1;
    return table;
  }

  get(word: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(word, 0, word.length) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]!;
      if (found < 0) return undefined;
      if (this.ends[found]! - this.starts[found]! === word.length && this.text.startsWith(word, this.starts[found])) return this.values[found];
    }
  }

  /** Gives the word text[from, to) of this table's text its value. */
  private set(from: number, to: number, value: number): void {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(this.text, from, to) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]!;
      if (found >= 0 && !this.isWordAt(found, from, to)) continue;
      if (found >= 0) {
        this.values[found] = value;
      } else {
        this.slots[slot] = this.words;
        this.starts[this.words] = from;
        this.ends[this.words] = to;
        this.values[this.words++] = value;
      }
      return;
    }
  }

  private isWordAt(word: number, from: number, to: number): boolean {
    const start = this.starts[word]!;
    if (this.ends[word]! - start !== to - from) return false;
    for (let i = 0; i < to - from; i++) if (this.text.charCodeAt(start + i) !== this.text.charCodeAt(from + i)) return false;
    return true;
  }
}
