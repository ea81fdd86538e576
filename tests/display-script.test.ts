import { describe, expect, it } from 'vitest';
import { CONVERTED_NOTE, type DisplayScript, inDisplayScript } from '../src/answer/displayScript.ts';
import type { Answer } from '../src/answer/types.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { answerReply } from '../src/discord/responses/answer.ts';

const ANSWER: Answer = {
  question: '十九大期間要執行哪三項制度？',
  answered: true,
  answer: '嚴格執行收寄驗視、實名收寄、過機安檢三項制度。[1]',
  mode: 'extractive',
  citations: [
    {
      n: 1,
      docId: 'news/19th',
      title: '國家郵政局對黨的“十九大”寄遞渠道安全服務保障工作進行再部署',
      date: '2017-09-29',
      source: '國家郵政局',
      scope: '全国',
      chunkId: 'news/19th#abc',
      text: '嚴格執行收寄驗視、實名收寄、過機安檢三項制度。',
      score: 1,
      location: null,
      url: null,
    },
  ],
  closest: [],
  declined: null,
  related: [],
};

describe('DISPLAY_SCRIPT', () => {
  it.each<[DisplayScript, string, string, boolean]>([
    ['original', '嚴格執行收寄驗視', '《國家郵政局對黨的', false],
    ['simplified', '严格执行收寄验视', '《国家邮政局对党的', true],
  ])('%s: the terminal and Discord show %s under %s…, saying so when converted', (script, quote, title, said) => {
    const shown = inDisplayScript(ANSWER, script, 'answer');
    const terminal = formatAnswer(shown);
    expect(terminal).toContain(quote);
    expect(terminal).toContain(title);
    expect(terminal.includes(CONVERTED_NOTE)).toBe(said);
    const embed = answerReply(shown).embeds[0]!.toJSON();
    expect(embed.description).toContain(quote);
    expect(embed.fields?.[0]?.name).toContain(title);
    expect(embed.footer?.text.includes(CONVERTED_NOTE)).toBe(said);
  });

  it('keeps the citation pointing at the original passage', () => {
    const shown = inDisplayScript(ANSWER, 'simplified', 'answer');
    expect(shown.citations[0]).toMatchObject({ docId: 'news/19th', chunkId: 'news/19th#abc' });
    expect(ANSWER.citations[0]!.text).toContain('嚴格');
  });

  it('says nothing when there was nothing to convert', () => {
    const { note: _said, ...simplified } = inDisplayScript(ANSWER, 'simplified', 'answer');
    expect(inDisplayScript<Answer, 'answer'>(simplified, 'simplified', 'answer').note).toBeUndefined();
  });
});
