import type { DocumentMetadata } from '../corpus/types.ts';
import type { Chunk } from './types.ts';

/**
 * What gets embedded and indexed for a chunk: the document title and the headings above the
 * passage, then the passage. The heading carries who said it (青海省邮政管理局) or which chapter it is in.
 */
export function indexText(chunk: Pick<Chunk, 'context' | 'text'>, document: Pick<DocumentMetadata, 'title'>): string {
  return [document.title, ...chunk.context, chunk.text].join('\n');
}
