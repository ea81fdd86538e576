/** The thresholds and sizes an extractive answer is decided and cut by. */
export interface AnswerOptions {
  /** Passages retrieved; the answer draws on the best few of them. */
  k: number;
  /** Below this share of the question's weight covered by the best passage, the bot declines. */
  minSupport: number;
  /**
   * Terms weighing at least this share of the question's heaviest term are its specific content;
   * the passage an answer quotes must hold at least minSpecific of their weight.
   */
  specificShare: number;
  minSpecific: number;
  /**
   * The same two thresholds for a question without any postal word: meeting and directive
   * questions need them, and so do the civil-law questions that share a few words with an article.
   */
  minSupportOther: number;
  minSpecificOther: number;
  /**
   * minSupport for a postal message long enough to tell a story (今天早上送孩子上学，在路口被…撞了，腿擦破了皮
   * 还去医院拍了片，这个钱应该找谁赔？): much of what it tells no article names.
   */
  minSupportStory: number;
  /** Longest answer, markers excluded. */
  maxAnswerChars: number;
  /** Sentences longer than this are cut down to their best clauses. */
  maxSentenceChars: number;
}

// Measured on the dev sets, the everyday dev half and STARD (README, Evaluation).
export const DEFAULT_ANSWER: AnswerOptions = {
  k: 5,
  minSupport: 0.45,
  specificShare: 0.6,
  minSpecific: 0.5,
  minSupportOther: 0.6,
  minSpecificOther: 0.8,
  minSupportStory: 0.35,
  maxAnswerChars: 200,
  maxSentenceChars: 110,
};
