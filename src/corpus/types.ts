import type { Document } from '@langchain/core/documents';

export interface DocumentMetadata {
  /** Path relative to its corpus folder, without extension: the id users and evaluations name. */
  id: string;
  title: string;
  /** YYYY-MM-DD, or null when the document states none. */
  date: string | null;
  /** Publisher or source when the document states one. */
  source: string | null;
  /** Where the rules it states apply: 全国, or the province or municipality (浙江省, 重庆市). */
  scope: string;
  /** Path of the file as it was read. */
  path: string;
  categories: string[];
}

/** A cleaned document: `pageContent` is the text as written (original script), one paragraph a line. */
export type CorpusDocument = Document<DocumentMetadata>;
