import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/corpus/parse.ts';
import { removePinyinGlosses } from '../src/corpus/clean/pinyin.ts';

const parse = (id: string) => parseDocument({ id, path: `corpus/${id}.txt`, text: readFileSync(`corpus/${id}.txt`, 'utf8'), extension: '.txt' }).document;

describe('cleaning the real seed documents', () => {
  it('removes pinyin glosses but keeps bracketed words', () => {
    expect(removePinyinGlosses('各省快遞協(xié)會動態(tài)')).toBe('各省快遞協會動態');
    expect(removePinyinGlosses('營業網點操作規範(建議版)')).toBe('營業網點操作規範(建議版)');
    const doc = parse('000_284666bd80d2f480');
    expect(doc.pageContent).not.toMatch(/\((?:xié|tài|wù)\)/u);
  });

  it.each([
    ['000_284666bd80d2f480', { title: '國家郵政局對黨的“十九大”寄遞渠道安全服務保障實戰攻堅工作進行再動員再部署', date: '2017-09-29', source: '廣西省快遞協會' }],
    ['001_7334d363ac647930', { title: '国家邮政局：保障重点物资和人民群众基本生活物资运递', date: '2022-04-09', source: '观察者网' }],
    ['004_a9def7b547edd0bd', { date: '2020-04-28', source: '國家郵政局' }],
  ])('reads title, date and source of %s', (id, expected) => {
    expect(parse(id).metadata).toMatchObject(expected);
  });

  it('drops site boilerplate: 声明 block, Copyright, 备案 and 责编 lines', () => {
    for (const id of ['002_e898aa7a56475ed4', '003_1ea477868c6af1c2']) {
      const text = parse(id).pageContent;
      expect(text).not.toMatch(/Copyright|ICP备|公網安備|责编|責編|聲明|声明|許可證|许可证/u);
      expect(text).toMatch(/管理局/u);
    }
  });

  it('keeps articles and sentences that name a licence, 版权所有 or 备案号 (site furniture is no sentence)', () => {
    const text = [
      '第四十四条 经营快递业务的企业有下列行为之一的，由邮政管理部门责令改正，并可以责令停业整顿直至吊销其快递业务经营许可证：',
      '(三)出售、泄露或者非法提供快递服务过程中知悉的用户信息；',
      '第四十五条 违反本条例规定的，依法追究法律责任。',
      '第四十六条 本条例所称版权所有人，是指著作权人。',
      '企业应当自取得备案号之日起十日内公示。',
    ].join('\n');
    const kept = parseDocument({ id: 'rule', path: 'corpus/rule.txt', text, extension: '.txt' }).document.pageContent;
    expect(kept).toContain('吊销其快递业务经营许可证：');
    expect(kept).toContain('本条例所称版权所有人');
    expect(kept).toContain('自取得备案号之日起');
  });

  it('turns HTML and front matter into paragraphs without tags', () => {
    const doc = parse('001_7334d363ac647930');
    expect(doc.pageContent).not.toMatch(/<[a-z/]/iu);
    expect(doc.pageContent).not.toMatch(/^title:/mu);
    expect(doc.pageContent.split('\n').length).toBeGreaterThan(8);
    expect(doc.metadata.categories).toContain('观察者网');
  });

  it('keeps mojibake runs out of the text', () => {
    const text = parse('004_a9def7b547edd0bd').pageContent + parse('000_284666bd80d2f480').pageContent;
    expect(text).not.toMatch(/[钡哪繕耍喂虡淞蛘迸瓿昴蝿ぷナこ]/u);
    expect(text).not.toContain('</h1>');
  });
});
