import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingSpec } from './identity.ts';

const KEY_BYTES = 32;
const HEADER_BYTES = KEY_BYTES + 4;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Vectors already paid for, keyed by the sha256 of the chunk text, one append-only file per
 * provider + model + requested dimension. A reindex then sends only chunk texts never embedded
 * before, also after an interrupted run or a --full rebuild. Records: 32-byte key, uint32 length,
 * float32 values; a record cut short by a crash is ignored on reading.
 */
export class EmbeddingCache {
  private constructor(
    private readonly file: string,
    private readonly vectors: Map<string, Float32Array>,
  ) {}

  static async open(dir: string, spec: EmbeddingSpec): Promise<EmbeddingCache> {
    const namespace = sha256(`${spec.provider}\0${spec.model}\0${spec.dimension ?? 'native'}`)
      .toString('hex')
      .slice(0, 16);
    const file = path.join(dir, `${spec.provider.replace(/\W/gu, '_')}-${namespace}.bin`);
    const vectors = new Map<string, Float32Array>();
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    for (let at = 0; at + HEADER_BYTES <= bytes.length; ) {
      const length = bytes.readUInt32LE(at + KEY_BYTES);
      const end = at + HEADER_BYTES + length * 4;
      if (end > bytes.length) break;
      const values = new Float32Array(length);
      for (let i = 0; i < length; i++) values[i] = bytes.readFloatLE(at + HEADER_BYTES + i * 4);
      vectors.set(bytes.subarray(at, at + KEY_BYTES).toString('hex'), values);
      at = end;
    }
    return new EmbeddingCache(file, vectors);
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(sha256(text).toString('hex'));
  }

  async add(entries: readonly (readonly [text: string, vector: Float32Array])[]): Promise<void> {
    if (entries.length === 0) return;
    const records = entries.map(([text, vector]) => {
      const key = sha256(text);
      const record = Buffer.alloc(HEADER_BYTES + vector.length * 4);
      key.copy(record, 0);
      record.writeUInt32LE(vector.length, KEY_BYTES);
      vector.forEach((v, i) => record.writeFloatLE(v, HEADER_BYTES + i * 4));
      this.vectors.set(key.toString('hex'), vector);
      return record;
    });
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, Buffer.concat(records));
  }
}
