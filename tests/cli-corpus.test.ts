import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpRequested, UsageError } from '../src/cli/args.ts';
import { corpusAddUrl } from '../src/cli/corpusAddUrl.ts';
import { CORPUS_USAGE, parseCorpusCommand } from '../src/cli/corpusCommand.ts';
import { loadConfig } from '../src/config.ts';
import { CorpusFileError } from '../src/service/corpusFiles.ts';
import { NOTICE, noticePage } from './fake-web/noticePage.ts';
import { type FakeSite, respond, startFakeSite } from './fake-web/site.ts';
import { regulationDocx } from './fixtures/documents.ts';
import { tempDir } from './helpers.ts';

describe('npm run corpus -- add-url: arguments', () => {
  it('shows the Chinese usage for --help', () => {
    expect(() => parseCorpusCommand(['add-url', '--help'])).toThrow(new HelpRequested(CORPUS_USAGE));
    expect(CORPUS_USAGE).toMatch(/^用法：npm run corpus -- add-url 网址/u);
  });

  it.each([
    [[], '未知的操作 （缺少）；目前只有 add-url'],
    [['fetch', 'https://www.example.gov.cn/'], '未知的操作 fetch；目前只有 add-url'],
    [['add-url'], '请给出要抓取的网址'],
    [['add-url', 'https://a.example/', 'https://b.example/'], '一次只能抓取一个网址，多余的参数：https://b.example/'],
    [['add-url', 'https://a.example/', '--force'], '未知选项 --force'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCorpusCommand(argv)).toThrow(UsageError);
    expect(() => parseCorpusCommand(argv)).toThrow(message);
  });

  it('reads the address and the flags', () => {
    expect(parseCorpusCommand(['add-url', 'https://www.example.gov.cn/a.html', '--replace', '--corpus', 'c1', '--json'])).toMatchObject({
      url: 'https://www.example.gov.cn/a.html', replace: true, json: true, config: { corpusDirs: ['c1'] },
    });
  });
});

describe('npm run corpus -- add-url: storing and reindexing', () => {
  let site: FakeSite;
  let root: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    site = await startFakeSite();
    site.route('/notice.html', respond('text/html', noticePage([{ href: '/xize.docx', text: '附件1：示例市快递服务实施细则' }, { href: '/gone.pdf', text: '附件2' }])));
    site.route('/xize.docx', respond('application/vnd.openxmlformats-officedocument.wordprocessingml.document', await regulationDocx()));
    root = await tempDir('cli-corpus-');
    await mkdir(path.join(root.dir, 'corpus'));
  });
  afterAll(async () => {
    await site?.close();
    await root?.cleanup();
  });

  const command = (json: boolean, env: Record<string, string> = {}) => ({
    config: loadConfig({
      CORPUS_DIR: path.join(root.dir, 'corpus'), INDEX_DIR: path.join(root.dir, 'index'), EMBEDDING_DIMENSION: '256', WEB_FETCH_ALLOW_HOSTS: '127.0.0.1', ...env,
    }),
    url: `${site.origin}/notice.html`,
    replace: json,
    json,
  });
  const run = async (json: boolean, env: Record<string, string> = {}) => {
    let out = '';
    await corpusAddUrl(command(json, env), { write: (text) => void (out += text), log: pino({ level: 'silent' }) });
    return out;
  };

  it('prints what was stored (title, date, publisher, file, address) and refused, then the index report', async () => {
    const out = await run(false);
    expect(out).toContain(`已保存网页：《${NOTICE.title}》 · ${NOTICE.date} · ${NOTICE.publisher}\n  文件：${NOTICE.title}.html\n  网址：${site.origin}/notice.html\n`);
    expect(out).toContain(`附件 1：《示例市快递服务实施细则》 · ${NOTICE.date} · ${NOTICE.publisher}\n  文件：${NOTICE.title}-附件1.md\n  网址：${site.origin}/xize.docx\n`);
    expect(out).toContain(`未保存的附件：\n  附件2（${site.origin}/gone.pdf）：网站返回 HTTP 404\n`);
    expect(out).toMatch(/索引完成：2 篇文档.*\n {2}新增 2，/u);
  });

  it('--json: one object with what was stored and the index report', async () => {
    const out = JSON.parse(await run(true)) as { stored: { page: { file: string }; refused: unknown[] }; reindex: { changed: string[] } };
    expect(out.stored.page.file).toBe(`${NOTICE.title}.html`);
    expect(out.stored.refused).toHaveLength(1);
    expect(out.reindex.changed).toEqual([]);
  });

  it('refuses this machine when the allow-list does not name it', async () => {
    await expect(run(false, { WEB_FETCH_ALLOW_HOSTS: '' })).rejects.toThrow(new CorpusFileError('无法抓取网页：不允许访问本机回环地址 127.0.0.1'));
  });
});
