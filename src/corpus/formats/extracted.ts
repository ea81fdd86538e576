/** A document file read as text, with what the reindex report should say about it; or why it cannot be. */
export type Extracted = { text: string; warnings: string[] } | { error: string };
