import { readFileSync } from 'node:fs';
import { chunkPages } from '../src/chunk/pageOf.ts';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../src/chunk/chunkDocument.ts';
import { DEFAULT_CHUNKING } from '../src/chunk/types.ts';
import { parseDocument } from '../src/corpus/parse.ts';

const load = (path: string, id: string) => parseDocument({ id, path, text: readFileSync(path, 'utf8'), extension: path.slice(path.lastIndexOf('.')) }).document;

describe('chunking follows the text structure', () => {
  it('keeps a regulation article with its numbered items, with chapter context', () => {
    const doc = load('tests/fixtures/regulations/sample-tiaoli.md', 'sample-tiaoli');
    const chunks = chunkDocument(doc, DEFAULT_CHUNKING);
    const third = chunks.find((c) => c.article === '第三条');
    expect(third?.text).toContain('（一）服务种类');
    expect(third?.text).toContain('(二)资费标准');
    expect(third?.context).toEqual(['第二章 快递服务']);
    expect(chunks.find((c) => c.article === '第一条')?.context).toEqual(['第一章 总则']);
  });

  it('splits a long article and repeats its number', () => {
    const items = Array.from({ length: 12 }, (_, i) => `（${i + 1}）${'企业应当履行的义务内容说明'.repeat(4)}；`).join('\n');
    const text = `# 长条例\n\n第一条 总则内容。\n\n第二条 总则内容。\n\n第三条 企业应当遵守下列规定：\n${items}`;
    const doc = parseDocument({ id: 'long', path: 'long.md', text, extension: '.md' }).document;
    const parts = chunkDocument(doc, DEFAULT_CHUNKING).filter((c) => c.article === '第三条');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[1]?.context).toContain('第三条（续）');
  });

  it('carries a provincial heading into the paragraphs below it', () => {
    const chunks = chunkDocument(load('corpus/002_e898aa7a56475ed4.txt', '002_e898aa7a56475ed4'), DEFAULT_CHUNKING);
    const qinghai = chunks.find((c) => c.text.includes('优先处理已产生订单'));
    expect(qinghai?.context).toEqual(['青海省邮政管理局']);
  });

  it('gives the same chunk ids when the text did not change', () => {
    const a = chunkDocument(load('corpus/004_a9def7b547edd0bd.txt', 'x'), DEFAULT_CHUNKING).map((c) => c.id);
    const b = chunkDocument(load('corpus/004_a9def7b547edd0bd.txt', 'x'), DEFAULT_CHUNKING).map((c) => c.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
});

describe('the page a PDF chunk starts on', () => {
  const pages = [
    '第一条 为了规范快递服务，制定本办法。第二条 本办法适用于本市。',
    '第三条 经营快递业务，应当依法取得快递业务经营许可。第四条 快递企业应当建立',
    '安全检查制度。第五条 本办法自2020年1月1日起施行。',
  ];
  it.each<[string, string[], (number | undefined)[]]>([
    [
      'found where its opening is, in reading order',
      ['第一条 为了规范快递服务，制定本办法。', '第三条 经营快递业务，应当依法取得快递业务经营许可。', '第五条 本办法自2020年1月1日起施行。'],
      [1, 2, 3],
    ],
    ['whitespace aside', ['第二条  本办法\n适用于本市。'], [1]],
    ['on the page it opens on when it runs onto the next', ['第四条 快递企业应当建立安全检查制度。'], [2]],
    ['undefined when no page holds it', ['这段文字不在任何一页。'], [undefined]],
  ])('%s', (_, chunks, expected) => {
    expect(chunkPages(chunks, pages)).toEqual(expected);
  });
});
