import { describe, expect, it } from 'vitest';
import { taggedWords } from '../src/text/segment.ts';
import { questionWordWeights, ROLE_WEIGHT, type WordRole, wordRole } from '../src/text/wordRole.ts';

const QUESTION = '有人冒充我把快递领走了，一直没有营业执照的驿站会被罚吗';

describe('what a question word contributes', () => {
  const weightOf = questionWordWeights(QUESTION, taggedWords(QUESTION, QUESTION), [[QUESTION.indexOf('驿站'), QUESTION.indexOf('驿站') + 2]]);

  it.each<[string, WordRole]>([
    ['营业执照', 'matter'],
    ['冒充', 'action'],
    ['领走', 'action'],
    ['有人', 'frame'],
    ['一直', 'frame'],
  ])('%s is a %s word in the question', (word, role) => {
    expect(weightOf(word)).toBe(ROLE_WEIGHT[role]);
  });

  it('counts a thesaurus term as the matter whatever its part of speech', () => {
    expect(weightOf('驿站')).toBe(ROLE_WEIGHT.matter);
  });

  it('gives a character pair the weight of the heaviest word it overlaps', () => {
    expect(weightOf('照的')).toBe(ROLE_WEIGHT.matter);
    expect(weightOf('人冒')).toBe(ROLE_WEIGHT.action);
  });

  it('takes an adverbial adjective (直接: ad) for an adverb, which frames', () => {
    expect(wordRole(['ad'])).toBe('frame');
    expect(wordRole(['a'])).toBe('action');
  });

  it('gives a phrase the role of its strongest word', () => {
    expect(wordRole(['d', 'v', 'n'])).toBe('matter');
    expect(wordRole(['r', 'v'])).toBe('action');
    expect(wordRole([])).toBe('frame');
  });
});
