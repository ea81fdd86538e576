import { type AnswerEvidence, type FailedCheck, failedCheck } from '../../src/answer/evidence.ts';
import { type AnswerOptions, DEFAULT_ANSWER } from '../../src/answer/options.ts';
import type { PreparedAnswer } from '../../src/answer/prepare.ts';
import { scoreQuestion } from './metrics.ts';
import type { EvalQuestion } from './questions.ts';

/** Thresholds that let every answer through: what the sweep starts from. */
export const OPEN_THRESHOLDS: Partial<AnswerOptions> = { minSupport: 0, minSpecific: 0, minSupportOther: 0, minSpecificOther: 0, minSupportStory: 0 };

/** One question answered with open thresholds: what any setting would decide from. */
export interface Observation {
  negative: boolean;
  /** The quoted passages are the gold ones: answering would be right. */
  supported: boolean;
  /** Null when no passage was read, or the quotes lacked what the question asks for or its country (any setting declines). */
  evidence: AnswerEvidence | null;
  /** Answered before any threshold applies (an article named and asked whole, a fact of a named document): every setting answers. */
  unconditional: boolean;
}

/** Checks no threshold moves: a question failing one is declined at every setting. */
const THRESHOLD_FREE: readonly FailedCheck[] = ['compound', 'focus', 'kind', 'place'];

export function observe(question: EvalQuestion, prepared: Pick<PreparedAnswer, 'hits' | 'extractive' | 'failedCheck' | 'evidence'>): Observation {
  const result = scoreQuestion(question, prepared.hits, prepared.extractive);
  return {
    negative: result.negative,
    supported: result.citationSupports,
    evidence: prepared.failedCheck && THRESHOLD_FREE.includes(prepared.failedCheck) ? null : prepared.evidence,
    unconditional: prepared.extractive.answered && prepared.evidence === null,
  };
}

export type Thresholds = Pick<AnswerOptions, 'minSupport' | 'minSpecific' | 'minSupportOther' | 'minSpecificOther' | 'minSupportStory'>;

export interface Outcome {
  positives: number;
  /** Answered, citing the gold passage. */
  correct: number;
  /** Answered from the wrong passage. */
  wrong: number;
  negatives: number;
  declinedNegatives: number;
}

/** What a setting would have done on the observed questions (the same decision the answerer makes). */
export function outcome(observations: readonly Observation[], thresholds: Thresholds): Outcome {
  const answers = (o: Observation) => o.unconditional || (o.evidence !== null && failedCheck(o.evidence, { ...DEFAULT_ANSWER, ...thresholds }) === null);
  const positives = observations.filter((o) => !o.negative);
  const negatives = observations.filter((o) => o.negative);
  return {
    positives: positives.length,
    correct: positives.filter((o) => answers(o) && o.supported).length,
    wrong: positives.filter((o) => answers(o) && !o.supported).length,
    negatives: negatives.length,
    declinedNegatives: negatives.filter((o) => !answers(o)).length,
  };
}

/** The settings the README's trade-off table compares: each pair of thresholds around the default. */
export function thresholdGrid(): { label: string; thresholds: Thresholds }[] {
  const base: Thresholds = {
    minSupport: DEFAULT_ANSWER.minSupport,
    minSpecific: DEFAULT_ANSWER.minSpecific,
    minSupportOther: DEFAULT_ANSWER.minSupportOther,
    minSpecificOther: DEFAULT_ANSWER.minSpecificOther,
    minSupportStory: DEFAULT_ANSWER.minSupportStory,
  };
  const rows: { label: string; thresholds: Thresholds }[] = [];
  for (const minSupport of [0.35, 0.45, 0.55]) {
    for (const minSpecific of [0.4, 0.5, 0.6]) rows.push({ label: `邮政 ${minSupport} / ${minSpecific}`, thresholds: { ...base, minSupport, minSpecific } });
  }
  for (const minSupportStory of [0.25, 0.35, 0.45]) rows.push({ label: `邮政长问 ${minSupportStory}`, thresholds: { ...base, minSupportStory } });
  for (const minSupportOther of [0.5, 0.6, 0.7]) {
    for (const minSpecificOther of [0.7, 0.8, 0.9]) {
      rows.push({ label: `其他 ${minSupportOther} / ${minSpecificOther}`, thresholds: { ...base, minSupportOther, minSpecificOther } });
    }
  }
  return rows;
}
