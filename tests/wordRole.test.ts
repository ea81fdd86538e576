import { describe, expect, it } from 'vitest';
import { partOfSpeechTags } from '../src/text/segment.ts';
import { type WordRole, wordRole } from '../src/text/wordRole.ts';

describe('what a question word contributes', () => {
  it.each<[string, WordRole]>([
    ['营业执照', 'matter'],
    ['保险公司', 'matter'],
    ['监控', 'matter'],
    ['撤掉', 'action'],
    ['冒充', 'action'],
    ['便宜', 'action'],
    ['有人', 'frame'],
    ['一直', 'frame'],
    ['一件', 'frame'],
    ['路上', 'frame'],
  ])('%s is a %s word', (word, role) => {
    expect(wordRole(partOfSpeechTags(word))).toBe(role);
  });

  it('gives a phrase the role of its strongest word', () => {
    expect(wordRole(['d', 'v', 'n'])).toBe('matter');
    expect(wordRole(['r', 'v'])).toBe('action');
    expect(wordRole([])).toBe('frame');
  });
});
