import { UserFacingError } from '../userFacingError.ts';
import type { StoredChunk } from './store.ts';

const NEWLINE = 0x0a;

const damaged = () => new UserFacingError('index-damaged', '索引文本库已损坏');

/** The chunks file as written: one JSON line per chunk, in chunk order. */
export function chunksFileText(chunks: readonly StoredChunk[]): string {
  return chunks.map((c) => `${JSON.stringify(c)}\n`).join('');
}

/** Where each line of a chunks file starts, with the end of the file last; null when the count differs. */
function lineStarts(bytes: Buffer, count: number): Uint32Array | null {
  const starts = new Uint32Array(count + 1);
  let line = 0;
  for (let at = 0; at < bytes.length; line++) {
    if (line === count) return null;
    starts[line] = at;
    const newline = bytes.indexOf(NEWLINE, at);
    at = newline < 0 ? bytes.length : newline + 1;
  }
  if (line !== count) return null;
  starts[count] = bytes.length;
  return starts;
}

/**
 * The served index's chunks, kept as the bytes of the chunks file and parsed a line at a time when
 * first read. Parsing and keeping 100k chunks took about a second of a restart and a few hundred MB,
 * while a question reads the few dozen it ranks. So there is no way to walk them all: the lookups
 * that would (a document's passages, the provisions citing 违反本) search the bytes for what they
 * want and parse only the lines holding it. A chunk read twice is the same object.
 */
export class ServedChunks {
  readonly length: number;
  private readonly starts: Uint32Array;
  private readonly parsed: (StoredChunk | undefined)[];

  /** Throws index-damaged unless `bytes` hold `count` lines; a line that does not parse throws when read. */
  constructor(
    private readonly bytes: Buffer,
    count: number,
  ) {
    const starts = lineStarts(bytes, count);
    if (!starts) throw damaged();
    this.starts = starts;
    this.length = count;
    this.parsed = new Array(count);
  }

  /** The chunk at a position (its place in the BM25 postings and the vector scan). */
  at(position: number): StoredChunk {
    if (!Number.isInteger(position) || position < 0 || position >= this.length) throw new RangeError(`no chunk at position ${position} of ${this.length}`);
    let chunk = this.parsed[position];
    if (!chunk) {
      try {
        chunk = JSON.parse(this.bytes.toString('utf8', this.starts[position]!, this.starts[position + 1]!)) as StoredChunk;
      } catch {
        throw damaged();
      }
      this.parsed[position] = chunk;
    }
    return chunk;
  }

  /** The chunks whose text contains `text`, in chunk order. */
  containing(text: string): StoredChunk[] {
    return [...this.holding(text)].filter((c) => c.text.includes(text));
  }

  /** A document's chunks in reading order. */
  ofDocument(docId: string): StoredChunk[] {
    return [...this.holding(docId)].filter((c) => c.docId === docId).sort((a, b) => a.ordinal - b.ordinal);
  }

  byId(id: string): StoredChunk | undefined {
    for (const chunk of this.holding(id)) if (chunk.id === id) return chunk;
    return undefined;
  }

  /** The first chunk, in chunk order, whose id ends with `end` (a reference too short for the whole id). */
  byIdEnding(end: string): StoredChunk | undefined {
    for (const chunk of this.holding(end)) if (chunk.id.endsWith(end)) return chunk;
    return undefined;
  }

  /**
   * The chunks, in chunk order, whose line holds `text` as JSON writes it (anywhere: a word of the
   * text may also be in a heading or an id, so callers check the field they mean).
   */
  private *holding(text: string): Generator<StoredChunk> {
    // Escaped as in a JSON string (a quote as \"); UTF-8 bytes match only at character boundaries.
    const needle = Buffer.from(JSON.stringify(text).slice(1, -1));
    for (let at = 0; at < this.bytes.length; ) {
      const found = this.bytes.indexOf(needle, at);
      if (found < 0) return;
      const line = this.lineOf(found);
      yield this.at(line);
      at = this.starts[line + 1]!;
    }
  }

  /** The line a byte offset falls in. */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
