import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { ReindexReport } from '../src/index/build.ts';
import { addCorpusFile } from '../src/service/corpusFiles.ts';
import { QaService } from '../src/service/qaService.ts';
import { regulationDocx, regulationPdf, regulationPdfEmbedded, regulationText, scannedPdf } from './fixtures/documents.ts';
import { allChunks, tempDir } from './helpers.ts';

const QUESTIONS = ['快件延误了，快递企业应当怎么赔偿？', '快递企业未公示资费标准，会被罚款多少？', '收寄快件时要查验什么证件？'];
// Two PDFs: the standard CJK font STSong-Light (not embedded) and an embedded font subset.
const FORMATS = ['txt', 'pdf', 'docx', 'pdf-embedded', 'doc'] as const;
const isPdf = (format: string) => format.startsWith('pdf');

const services = new Map<string, QaService>();
const reports = new Map<string, ReindexReport>();
let root = '';
let cleanup = async () => {};

async function corpusOf(name: string, files: Record<string, Buffer | string>): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, bytes] of Object.entries(files)) await writeFile(path.join(dir, file), bytes);
  return dir;
}

function serviceOver(corpus: string, name: string): QaService {
  return new QaService(loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: path.join(root, `index-${name}`), EMBEDDING_DIMENSION: '256' }), pino({ level: 'silent' }));
}

beforeAll(async () => {
  const temp = await tempDir('formats-');
  root = temp.dir;
  cleanup = temp.cleanup;
  const documents = {
    txt: { '办法.txt': regulationText() },
    // The scanned PDF, the .wps and the image sit beside the real document: reported, and the rest indexed.
    pdf: { '办法.pdf': regulationPdf(), '扫描件.pdf': scannedPdf(), '旧文档.wps': 'WPS', '照片.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    'pdf-embedded': { '办法.pdf': await regulationPdfEmbedded() },
    // The Word document below saved as Word 97–2003 by LibreOffice (soffice --convert-to 'doc:MS Word 97'), committed: nothing here writes .doc.
    doc: { '办法.doc': await readFile(path.resolve('tests/fixtures/regulation.doc')) },
    docx: {
      '办法.docx': await regulationDocx([
        ['违法行为', '罚款'],
        ['未公示资费标准', '一千元以上五千元以下'],
      ]),
    },
  };
  for (const format of FORMATS) {
    const service = serviceOver(await corpusOf(format, documents[format]), format);
    services.set(format, service);
    reports.set(format, await service.reindex());
  }
});
afterAll(() => cleanup());

describe('a regulation as text, PDF and Word', () => {
  it('reads the same title and the same articles from each', () => {
    const titles = FORMATS.map((f) => services.get(f)!.index.documents.get('办法')?.title);
    expect(titles).toEqual(FORMATS.map(() => '示例市快递服务管理办法'));
    const articles = FORMATS.map((f) =>
      services
        .get(f)!
        .index.chunks.ofDocument('办法')
        .map((c) => c.article),
    );
    expect(articles[0]).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条']);
    expect(articles[1]).toEqual(articles[0]);
    expect(articles[2]).toEqual(expect.arrayContaining(articles[0]!));
    expect(articles[3]).toEqual(articles[0]);
    expect(articles[4]).toEqual(expect.arrayContaining(articles[0]!));
  });

  it.each(QUESTIONS)('answers %s with the same article cited', async (question) => {
    const answers = await Promise.all(FORMATS.map((f) => services.get(f)!.ask(question)));
    const cited = answers.map((a) => `${a.citations[0]?.title}${a.citations[0]?.location}`);
    expect(answers.every((a) => a.answered)).toBe(true);
    expect(cited[0]).toMatch(/^示例市快递服务管理办法第.条$/u);
    // A PDF's citation also names the page the article starts on, the same whatever the font.
    expect(cited[1]).toMatch(new RegExp(`^${cited[0]} 第\\d页$`, 'u'));
    expect(cited.filter((_, i) => isPdf(FORMATS[i]!))).toEqual([cited[1], cited[1]]);
    expect(cited.filter((_, i) => !isPdf(FORMATS[i]!))).toEqual([cited[0], cited[0], cited[0]]);
  });

  it.each(['pdf', 'pdf-embedded'])('cites each article of the %s with the page it starts on', (format) => {
    const pages = services
      .get(format)!
      .index.chunks.ofDocument('办法')
      .map((c) => `${c.article} ${c.page}`);
    // Fourteen lines a page: the title, the first chapter's heading and four articles fill the first.
    expect(pages).toEqual(['第一条 1', '第二条 1', '第三条 1', '第四条 1', '第五条 2', '第六条 2', '第七条 2']);
  });

  it.each(['pdf', 'pdf-embedded'])('joins the %s lines back into whole articles, without the running header or page numbers', (format) => {
    const chunks = allChunks(services.get(format)!.index.chunks)
      .map((c) => c.text)
      .join('\n');
    expect(chunks).toContain('自2019年12月3日起');
    expect(chunks).not.toMatch(/规章汇编|— \d —/u);
  });

  it('keeps the Word table as rows of text', () => {
    expect(
      allChunks(services.get('docx')!.index.chunks)
        .map((c) => c.text)
        .join('\n'),
    ).toContain('未公示资费标准　一千元以上五千元以下');
  });
});

describe('files that cannot be indexed', () => {
  it('reports the scanned PDF as needing OCR and other formats as refused, and indexes the rest', () => {
    const report = reports.get('pdf')!;
    const warning = (file: string) =>
      report.warnings
        .filter((w) => path.basename(w.path) === file)
        .map((w) => w.message)
        .join(' ');
    expect(warning('扫描件.pdf')).toMatch(/没有文字层.*OCR/u);
    expect(warning('旧文档.wps')).toMatch(/不支持的格式（\.wps）.*\.pdf、\.docx、\.doc/u);
    expect(warning('照片.png')).toMatch(/不支持的格式/u);
    expect(report.documents).toBe(1);
    expect(report.added).toEqual(['办法']);
  });

  it('reindexes a PDF incrementally: unchanged bytes, unchanged document', async () => {
    const again = await services.get('pdf')!.reindex();
    expect(again).toMatchObject({ added: [], changed: [], unchanged: 1 });
    expect(again.warnings.some((w) => /OCR/u.test(w.message))).toBe(true);
  });
});

describe('uploads', () => {
  const limits = { replace: false, maxBytes: 64 * 1024, maxDocumentBytes: 1024 * 1024 };

  it('stores a file by what its bytes are, not by its name', async () => {
    const dir = path.join(root, 'uploads');
    expect(await addCorpusFile(dir, '通知.txt', regulationPdf(), limits)).toBe('通知.pdf');
    expect(await addCorpusFile(dir, '办法.doc', await regulationDocx(), limits)).toBe('办法.docx');
    await expect(addCorpusFile(dir, '扫描.pdf', scannedPdf(), limits)).rejects.toThrow(/没有文字层.*OCR/u);
    await expect(addCorpusFile(dir, '通知.rtf', Buffer.from('{\\rtf1 通知}'), limits)).rejects.toThrow(/RTF.*只接受/u);
    await expect(addCorpusFile(dir, '大.pdf', regulationPdf(), { ...limits, maxDocumentBytes: 1024 })).rejects.toThrow(/过大/u);
    expect((await readdir(dir)).sort()).toEqual(['办法.docx', '通知.pdf']);
  });

  it('refuses a file whose name is another extension of a stored document (the same document id)', async () => {
    const dir = path.join(root, 'uploads');
    await expect(addCorpusFile(dir, '通知.md', Buffer.from(regulationText()), { ...limits, replace: true })).rejects.toThrow('语料中已有同名文档 通知.pdf');
    expect((await readdir(dir)).sort()).toEqual(['办法.docx', '通知.pdf']);
  });
});
