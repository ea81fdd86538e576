import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER } from '../src/answer/options.ts';
import { type Observation, outcome } from '../tools/eval/calibrate.ts';

const thresholds = {
  minSupport: DEFAULT_ANSWER.minSupport,
  minSpecific: DEFAULT_ANSWER.minSpecific,
  minSupportOther: DEFAULT_ANSWER.minSupportOther,
  minSpecificOther: DEFAULT_ANSWER.minSpecificOther,
  minSupportStory: DEFAULT_ANSWER.minSupportStory,
};
const covered = (support: number): Observation['evidence'] => ({ support, specific: 1, postal: true, story: false });

describe('the calibration replay', () => {
  it('answers by the thresholds, and always where none applies (a fact of a named document)', () => {
    const observations: Observation[] = [
      { negative: false, supported: true, evidence: covered(0.9), unconditional: false },
      { negative: false, supported: true, evidence: covered(0.1), unconditional: false },
      { negative: false, supported: true, evidence: null, unconditional: true },
      { negative: true, supported: false, evidence: covered(0.1), unconditional: false },
    ];
    expect(outcome(observations, thresholds)).toEqual({ positives: 3, correct: 2, wrong: 0, negatives: 1, declinedNegatives: 1 });
  });
});
