export interface Citation {
  n: number;
  docId: string;
  title: string;
  date: string | null;
  source: string | null;
  /** Where the cited rule applies: 全国, or a province (浙江省). */
  scope: string;
  chunkId: string;
  /** The cited passage as written in the document. */
  text: string;
  score: number;
  /** Where in the document, without its title: 第二十七条, or the section heading of a news passage. */
  location: string | null;
  /** The web address the document was fetched from, when it was: adapters link the citation to it. */
  url: string | null;
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
  /** Why it was not answered (null when answered): the adapters word each reason for their users. */
  declined: DeclineReason | null;
  /**
   * When an in-domain question is declined: the one to three provisions that came closest, each
   * with a short quote. Not an answer: shown under a heading saying so.
   */
  related: RelatedProvision[];
  /** A short remark for the user, e.g. why the model's answer was replaced by the extractive one. */
  note?: string;
  /**
   * When the message asks several questions and the quotes answer only one of them: that one, as
   * typed (the others went unanswered, and the reply says so).
   */
  answeredPart?: string;
}

export type AnswerMode = 'extractive' | 'generated';

/**
 * `unsupported`: about posts and parcels, but nothing quoted holds the answer; `foreign`: the same,
 * about another country or a foreign operator the corpus never names; `unnamed`: the closest
 * provisions never name the thing asked about (颜色 in 什么颜色); `no-local-rule`: about a province the
 * corpus has no rules of, and the national ones do not answer it; `no-article`: the document named
 * has no article of the number named (快递暂行条例第六十条); `off-topic`: nothing postal in it;
 * `not-chinese`: asked in another language.
 */
export type DeclineReason = 'unsupported' | 'foreign' | 'unnamed' | 'no-local-rule' | 'no-article' | 'off-topic' | 'not-chinese';

/** The heading every adapter shows above a declined answer's related provisions. */
export const RELATED_HEADING = '可能相关的条文';

export interface RelatedProvision {
  docId: string;
  title: string;
  date: string | null;
  scope: string;
  chunkId: string;
  /** Where in the document, without its title: 第二十七条, or the section heading of a news passage. */
  location: string | null;
  /** The passage's sentence closest to the question, cut to a short quote. */
  quote: string;
}

/** What a streamed generation shows so far: the text checked and renumbered as the final answer will be. */
export interface PartialAnswer {
  text: string;
  citations: Citation[];
}
