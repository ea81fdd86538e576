export interface Citation {
  n: number;
  docId: string;
  title: string;
  date: string | null;
  source: string | null;
  chunkId: string;
  /** The cited passage as written in the document. */
  text: string;
  score: number;
  /** Where in the document: 《快递暂行条例》第二十七条, or the section heading of a news passage. */
  location: string | null;
}

export interface ClosestDocument {
  docId: string;
  title: string;
  date: string | null;
  source: string | null;
}

export interface Answer {
  question: string;
  answered: boolean;
  /** Sentences from the corpus, each followed by its [n] marker; or the reason nothing was found. */
  answer: string;
  mode: 'extractive';
  citations: Citation[];
  /** When not answered: the documents that came closest, so the user can look there. */
  closest: ClosestDocument[];
}

/** A problem with what the user asked (empty, too long): shown to them as is. */
export class QuestionError extends Error {}
