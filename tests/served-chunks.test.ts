import { describe, expect, it } from 'vitest';
import { chunksFileText, ServedChunks } from '../src/index/servedChunks.ts';
import type { StoredChunk } from '../src/index/store.ts';
import { servedChunks } from './helpers.ts';

const chunk = (docId: string, ordinal: number, text: string, context: string[] = []): StoredChunk => ({
  id: `${docId}#${ordinal}${docId.length}`,
  docId,
  ordinal,
  text,
  context,
  article: null,
});

// Decoys for each lookup: a word in a heading only, a document id that starts another and one named
// in a text, a document whose chunks are not stored in reading order, quotes and a backslash.
const penalty = chunk('法', 1, '第三十条 违反本法第十条规定的，处五千元以下罚款。');
const heading = chunk('法', 0, '第十条 快递企业不得违规收寄。', ['违反本法的法律责任']);
const later = chunk('法规', 2, '引用"法"的说明\\附件');
const earlier = chunk('法规', 1, '文中提到 法#01 与“违反本”');
const CHUNKS = [penalty, heading, later, earlier];

describe('the served chunks', () => {
  it('reads each chunk at its position, the same object every time', () => {
    const chunks = servedChunks(CHUNKS);
    expect(chunks.length).toBe(4);
    expect(chunks.at(2)).toEqual(later);
    expect(chunks.at(2)).toBe(chunks.at(2));
    expect(() => chunks.at(4)).toThrow(RangeError);
  });

  it('finds exactly the chunks whose text contains a word, quotes and backslashes included, in chunk order', () => {
    const chunks = servedChunks(CHUNKS);
    expect(chunks.containing('违反本')).toEqual([penalty, earlier]);
    expect(chunks.containing('"法"的说明\\')).toEqual([later]);
    expect(chunks.containing('罚没')).toEqual([]);
  });

  it("finds a document's chunks in reading order, and no other document's", () => {
    const chunks = servedChunks(CHUNKS);
    expect(chunks.ofDocument('法')).toEqual([heading, penalty]);
    expect(chunks.ofDocument('法规')).toEqual([earlier, later]);
    expect(chunks.ofDocument('规')).toEqual([]);
  });

  it('finds a chunk by its id or the end of it', () => {
    const chunks = servedChunks(CHUNKS);
    expect(chunks.byId(heading.id)).toBe(chunks.at(1));
    expect(chunks.byId('法#0')).toBeUndefined();
    expect(chunks.byIdEnding('#22')).toEqual(later);
    expect(chunks.byIdEnding('#9')).toBeUndefined();
  });

  it('reports a damaged line only when it is read, and looks past it', () => {
    const lines = chunksFileText(CHUNKS).split('\n');
    lines[1] = '{"id":"法#01';
    const chunks = new ServedChunks(Buffer.from(lines.join('\n')), CHUNKS.length);
    expect(chunks.at(0)).toEqual(penalty);
    expect(() => chunks.at(1)).toThrow(expect.objectContaining({ code: 'index-damaged' }));
    expect(chunks.containing('引用')).toEqual([later]);
    expect(() => chunks.byId(heading.id)).toThrow(expect.objectContaining({ code: 'index-damaged' }));
  });

  it('is damaged from the start when the file holds another number of lines', () => {
    const bytes = Buffer.from(chunksFileText(CHUNKS));
    for (const count of [CHUNKS.length - 1, CHUNKS.length + 1]) expect(() => new ServedChunks(bytes, count)).toThrow(expect.objectContaining({ code: 'index-damaged' }));
    expect(new ServedChunks(Buffer.alloc(0), 0).containing('法')).toEqual([]);
  });
});
