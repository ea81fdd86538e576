export interface Chunk {
  /** `docId#hash` of the chunk's text and context: stable across reindexes while the text is unchanged. */
  id: string;
  docId: string;
  /** Position in the document, for reading order. */
  ordinal: number;
  /** The passage as written in the document (original script, mojibake removed). */
  text: string;
  /** Headings above the passage: chapter of a regulation, section of an article (e.g. 青海省邮政管理局). */
  context: string[];
  /** The article a regulation chunk belongs to (第二十七条), null for prose. */
  article: string | null;
  /** The page it starts on, for a PDF (1-based). */
  page?: number;
}

export interface ChunkingOptions {
  /** Prose chunks are packed from whole sentences up to this many characters. */
  maxChars: number;
  /** Sentences repeated at the start of the next prose chunk. */
  overlapSentences: number;
  /** Articles longer than this are split at item or sentence boundaries. */
  maxArticleChars: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxChars: 240, overlapSentences: 1, maxArticleChars: 500 };
