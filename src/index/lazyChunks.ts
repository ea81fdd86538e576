import { UserFacingError } from '../userFacingError.ts';
import type { StoredChunk } from './store.ts';

const NEWLINE = 0x0a;

/** Where each JSON line of a chunks file starts, with the end of the file last; null when the count differs. */
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

function arrayIndex(key: string | symbol, length: number): number | null {
  if (typeof key !== 'string') return null;
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && index < length && String(index) === key ? index : null;
}

/**
 * The served chunks as an array whose elements are parsed from their JSON line when first read.
 * Parsing and keeping 100k chunks took about a second of a restart and a few hundred MB; a question
 * reads the few dozen it ranks, so the rest stay bytes until something (a summary, /passage) asks
 * for them. Array methods work as on any array (the `has` trap makes forEach and filter see every
 * element). Throws index-damaged when the file does not hold `count` lines, or later when a line
 * read does not parse.
 */
export function lazyChunks(bytes: Buffer, count: number): StoredChunk[] {
  const starts = lineStarts(bytes, count);
  if (!starts) throw new UserFacingError('index-damaged', '索引文本库已损坏');
  const parsed: StoredChunk[] = new Array(count);
  const chunkAt = (index: number): StoredChunk => {
    let chunk = parsed[index];
    if (!chunk) {
      try {
        chunk = JSON.parse(bytes.toString('utf8', starts[index]!, starts[index + 1]!)) as StoredChunk;
      } catch {
        throw new UserFacingError('index-damaged', '索引文本库已损坏');
      }
      parsed[index] = chunk;
    }
    return chunk;
  };
  return new Proxy(parsed, {
    get(target, key, receiver) {
      const index = arrayIndex(key, count);
      return index === null ? Reflect.get(target, key, receiver) : chunkAt(index);
    },
    has(target, key) {
      return arrayIndex(key, count) !== null || Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const index = arrayIndex(key, count);
      return index === null ? Reflect.getOwnPropertyDescriptor(target, key) : { value: chunkAt(index), writable: true, enumerable: true, configurable: true };
    },
  });
}
