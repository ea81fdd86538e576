import { describe, expect, it } from 'vitest';
import { type Phrase, PhraseIndex } from '../src/text/phraseIndex.ts';
import { parseSynonyms, Thesaurus } from '../src/text/thesaurus.ts';

const phrases: Phrase[] = [
  { term: '寄快递', words: ['寄', '快递'] },
  { term: '拆邮筒', words: ['拆', '邮筒'] },
  { term: '快递丢失', words: ['快递', '丢失'] },
  { term: '写错地址', words: ['写错', '地址'] },
  { term: '快递柜收费', words: ['快递柜', '收费'] },
];
const terms = (found: readonly Phrase[]) => found.map((p) => p.term);
const described: string[][] = [];
/** As the thesaurus describes its terms (after splitting them), and what it was asked each time. */
const phrasesOf = (asked: readonly string[]) => {
  described.push([...asked]);
  return asked.map((term) => phrases.find((p) => p.term === term) ?? null);
};

describe('phrases found by the words a clause holds', () => {
  const index = new PhraseIndex(
    phrases.map((p) => p.term),
    phrasesOf,
  );

  it('finds a phrase whose words are all in the clause, in any order and apart', () => {
    expect(terms(index.within('有人把路边的邮筒拆走了'))).toEqual(['拆邮筒']);
    expect(terms(index.within('地址给写错了'))).toEqual(['写错地址']);
  });

  it('finds nothing when the clause lacks one of the words', () => {
    expect(index.within('邮筒被挪走了')).toEqual([]);
    expect(index.within('快递柜怎么收钱')).toEqual([]);
  });

  it('gives the phrases in the order they were filed, whatever word each was found by', () => {
    expect(terms(index.within('快递丢失了，寄快递的快递柜收费吗'))).toEqual(['寄快递', '快递丢失', '快递柜收费']);
  });

  it('finds a word repeated in the clause once', () => {
    expect(terms(index.within('拆邮筒，邮筒又被拆'))).toEqual(['拆邮筒']);
  });

  it('describes only the terms sharing two characters with a text, each once', () => {
    const fresh = new PhraseIndex(
      phrases.map((p) => p.term),
      phrasesOf,
    );
    described.length = 0;
    fresh.within('邮筒被挪走了');
    fresh.within('路边的邮筒拆走了');
    expect(described).toEqual([['拆邮筒']]);
  });

  it('keeps, of the terms with the same words, the first, whichever the text brings up', () => {
    const same: Phrase[] = [
      { term: '寄件地址写错', words: ['写错', '地址'] },
      { term: '写错地址', words: ['写错', '地址'] },
    ];
    const index = new PhraseIndex(
      same.map((p) => p.term),
      (asked) => asked.map((term) => same.find((p) => p.term === term) ?? null),
    );
    expect(terms(index.within('地址给写错了'))).toEqual(['寄件地址写错']);
  });

  it('skips a term that is no phrase', () => {
    const index = new PhraseIndex(['快递柜', '拆邮筒'], (asked) => asked.map((term) => phrases.find((p) => p.term === term) ?? null));
    expect(terms(index.within('邮筒拆了，快递柜呢'))).toEqual(['拆邮筒']);
  });
});

describe('loose matches through the phrase index', () => {
  const thesaurus = new Thesaurus(parseSynonyms('拆邮筒 => 破坏邮政设施\n写错地址 => 地址错误\n快递柜 => 智能快件箱').rules);
  const loose = (question: string) => thesaurus.expand(question).filter((e) => e.spans.length > 1);

  it('still finds a phrase whose words are in one clause of the question', () => {
    const [found] = loose('路边的邮筒被拆走了，找谁');
    expect(found?.term).toBe('拆邮筒');
    expect(found?.spans).toEqual([
      [3, 5],
      [6, 7],
    ]);
  });

  it('finds none when a word is in another clause, or missing', () => {
    expect(loose('路边的邮筒，被拆走了')).toEqual([]);
    expect(loose('路边的邮筒被挪走了')).toEqual([]);
  });
});
