import { describe, expect, it } from 'vitest';
import { nounPairs } from '../src/answer/nounPairs.ts';
import { characterTag, taggedWords } from '../src/text/segment.ts';

describe('compound nouns of a question', () => {
  it.each<[string, string[]]>([
    ['公开的信息涉及商业秘密的政府信息，怎么办？', ['政府信息']],
    ['行政机关是否可以委托第三方组织实施行政处罚？', ['行政机关']],
    // 质权 is no word jieba knows: with it, one character (人) makes the compound.
    ['质权人有什么义务？', ['质权人']],
    ['总部企业要对什么负总责？', ['总部企业']],
    // 指 is tagged a noun here, but one character next to a known word is no compound.
    ['“两进一出”重点工程指的是哪些工程？', ['重点工程']],
    ['快递员打我怎么办？', []],
    // jieba cuts the agent noun it does not know into a verb and 人.
    ['保证人在什么情况下需要承担保证责任？', ['保证人']],
    // Words jieba glued to a verb or a question word (局让, 哪三) are no names.
    ['湖南局让企业怎么办？', []],
    ['广西局说要做好哪三方面的重点工作', []],
  ])('%s → %j', (question, pairs) => {
    expect(nounPairs(taggedWords(question, question), characterTag)).toEqual(pairs);
  });
});
