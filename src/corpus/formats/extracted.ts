/** A document file read as text, with what the reindex report should say about it; or why it cannot be. */
export type Extracted = { text: string; warnings: string[]; pages?: string[] } | { error: string };

/** A PDF's page texts (running headers and page numbers removed): where each chunk's page is found. */
export type PageTexts = readonly string[];
