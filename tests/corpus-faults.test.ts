import { cp, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { ReindexReport } from '../src/index/build.ts';
import { QaService } from '../src/service/qaService.ts';
import { SEED_CORPUS, tempDir } from './helpers.ts';

let service: QaService;
let report: ReindexReport;
let cleanup = async () => {};
beforeAll(async () => {
  const temp = await tempDir('corpus-faults-');
  cleanup = temp.cleanup;
  const corpus = path.join(temp.dir, 'corpus');
  await cp(SEED_CORPUS, corpus, { recursive: true });
  await writeFile(path.join(temp.dir, 'outside.txt'), '语料目录之外的秘密文件');
  await writeFile(path.join(corpus, 'gbk.txt'), iconv.encode('示例省邮政管理局通知\n快递网点的安全检查记录应当保存一年以上。', 'gbk'));
  await writeFile(path.join(corpus, 'big5.txt'), iconv.encode('示例市郵政管理局公告\n智能信包箱的維修申請應當在三個工作日內處理。', 'big5'));
  await writeFile(path.join(corpus, 'empty.txt'), '');
  await writeFile(path.join(corpus, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'a'));
  await writeFile(path.join(corpus, 'junk.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await symlink(path.join(temp.dir, 'outside.txt'), path.join(corpus, 'escape.txt'));
  await symlink(path.join(temp.dir, 'deleted.txt'), path.join(corpus, 'unreadable.txt'));
  service = new QaService(loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: path.join(temp.dir, 'index'), EMBEDDING_DIMENSION: '256' }), pino({ level: 'silent' }));
  report = await service.reindex();
});
afterAll(() => cleanup());

describe('a corpus with bad files', () => {
  it.each([
    ['gbk.txt', /按 gb18030 解码/u],
    ['big5.txt', /按 big5 解码/u],
    ['empty.txt', /为空，已跳过/u],
    ['huge.txt', /文件过大（20\.0 MB/u],
    ['junk.txt', /不支持的格式：图片（PNG）.*已跳过/u],
    ['escape.txt', /语料目录之外/u],
    ['unreadable.txt', /无法读取：ENOENT/u],
  ])('reports %s in the reindex report', (file, message) => {
    const warnings = report.warnings.filter((w) => path.basename(w.path) === file).map((w) => w.message);
    expect(warnings.join(' ')).toMatch(message);
  });

  it('indexes everything else, including the GBK and Big5 documents', async () => {
    expect(report.documents).toBe(7);
    expect([...service.index.documents.keys()].sort()).toEqual(expect.arrayContaining(['gbk', 'big5']));
    expect((await service.ask('快递网点的安全检查记录应当保存多久？')).citations[0]?.docId).toBe('gbk');
    expect((await service.ask('智能信包箱的维修申请应当在几个工作日内处理？')).citations[0]?.docId).toBe('big5');
  });

  it('never indexes the file a symlink points to outside the corpus', async () => {
    expect(service.index.chunks.containing('秘密文件')).toEqual([]);
  });
});
