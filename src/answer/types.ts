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
  /**
   * Each sentence followed by the [n] of its source: quoted from the corpus (extractive) or
   * written by the model from the numbered passages (generated); or the reason nothing was found.
   */
  answer: string;
  mode: AnswerMode;
  citations: Citation[];
  /** When not answered: the documents that came closest, so the user can look there. */
  closest: ClosestDocument[];
  /** A short remark for the user, e.g. why the model's answer was replaced by the extractive one. */
  note?: string;
}

export type AnswerMode = 'extractive' | 'generated';

/** What a streamed generation shows so far: the text checked and renumbered as the final answer will be. */
export interface PartialAnswer {
  text: string;
  citations: Citation[];
}

/** A problem with what the user asked (empty, too long): shown to them as is. */
export class QuestionError extends Error {}
