import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUsageError, terminalMessage } from '../src/cli/errorText.ts';
import { discordMessage, userMessage } from '../src/discord/errorText.ts';
import { ProviderError } from '../src/providers/errors.ts';
import { USER_FACING_CODES, type UserFacingCode, UserFacingError } from '../src/userFacingError.ts';

const error = (code: UserFacingCode, message: string) => new UserFacingError(code, message);

describe('one user-facing error, worded by each adapter', () => {
  it.each([
    ['index-unavailable', '索引不可用', '索引不可用，请管理员执行 /reindex', '索引不可用，请先运行 npm run index 建立索引'],
    ['index-missing', '索引不存在（data/index）', '索引不存在（data/index），请管理员执行 /reindex', '索引不存在（data/index），请先运行 npm run index 建立索引'],
    ['index-damaged', '索引清单已损坏', '索引清单已损坏，请管理员执行 /reindex', '索引清单已损坏，请运行 npm run index -- --full 重建索引'],
    [
      'index-outdated',
      '向量维度不一致（应为 256 维）',
      '向量维度不一致（应为 256 维），请在服务器上运行 npm run index -- --full 完全重建索引',
      '向量维度不一致（应为 256 维），请运行 npm run index -- --full 重建索引',
    ],
    [
      'corpus-empty',
      '语料目录中没有可索引的文档（corpus），可能尚未挂载；现有索引的 5 篇文档保持不变',
      '语料目录中没有可索引的文档（corpus），可能尚未挂载；现有索引的 5 篇文档保持不变，确需清空索引时，请在服务器上运行 npm run index -- --allow-empty',
      '语料目录中没有可索引的文档（corpus），可能尚未挂载；现有索引的 5 篇文档保持不变，确需清空索引时请明确允许（npm run index -- --allow-empty）',
    ],
    ['unknown-document', '找不到文档“邮政法”', '找不到文档“邮政法”，请在 document 选项中输入标题关键词，从列表中选择', '找不到文档“邮政法”，可用 npm run search -- "标题关键词" 查看文档编号'],
    ['document-exists', '语料中已有 通知.txt', '语料中已有 通知.txt，如需覆盖请设置 replace:true', '语料中已有 通知.txt，如需覆盖请加 --replace'],
    ['invalid-request', '问题不能为空', '问题不能为空', '问题不能为空'],
    ['too-busy', '现在提问的人太多，请稍后再试。', '现在提问的人太多，请稍后再试。', '现在提问的人太多，请稍后再试。'],
    ['index-busy', '已有重建索引任务在进行中', '已有重建索引任务在进行中', '已有重建索引任务在进行中'],
  ] as const)('%s: Discord and the terminal each say what their users can do', (code, message, discord, terminal) => {
    expect(discordMessage(error(code, message))).toBe(discord);
    expect(terminalMessage(error(code, message))).toBe(terminal);
  });

  it.each(USER_FACING_CODES)('%s: neither adapter names the other one’s commands', (code) => {
    const discord = discordMessage(error(code, '原因'));
    const terminal = terminalMessage(error(code, '原因'));
    expect(terminal).not.toMatch(/\/reindex|replace:|document 选项/u);
    // Only what a moderator cannot do from Discord is left to the server's terminal.
    if (code !== 'index-outdated' && code !== 'corpus-empty') expect(discord).not.toContain('npm run');
  });

  it('a remedy follows a message that ends its sentence without doubling the punctuation', () => {
    expect(discordMessage(error('index-unavailable', '索引不可用。'))).toBe('索引不可用，请管理员执行 /reindex');
  });

  it.each([
    ['a user-facing error', error('too-frequent', '提问太频繁了，请 3 秒后再试。'), '提问太频繁了，请 3 秒后再试。'],
    ['a model provider failure', new ProviderError('对话模型超过 100 毫秒未完成', 'timeout'), '对话模型超过 100 毫秒未完成'],
    ['an internal error', new Error('ENOENT: /srv/secret/path'), null],
    ['something thrown that is not an Error', 'boom', null],
  ])('Discord shows %s as %j (null: logged, answered generically)', (_name, thrown, shown) => {
    expect(userMessage(thrown)).toBe(shown);
  });

  it('a provider failure carries its kind in the code', () => {
    expect(new ProviderError('x', 'network')).toMatchObject({ code: 'provider-network' });
  });

  it.each([
    ['invalid-request', true],
    ['unknown-document', true],
    ['index-missing', false],
    ['corpus-empty', false],
  ] as const)('the terminal exits 2 for %s: %s', (code, usage) => {
    expect(isUsageError(error(code, '原因'))).toBe(usage);
  });
});

const CORE = ['answer', 'chunk', 'corpus', 'embed', 'index', 'providers', 'retrieve', 'service', 'text'];

async function sourceLines(folder: string): Promise<{ file: string; line: string }[]> {
  const root = path.resolve('src', folder);
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const texts = await Promise.all(files.map(async (f) => ({ file: path.join(folder, f), text: await readFile(path.join(root, f), 'utf8') })));
  return texts.flatMap(({ file, text }) => text.split('\n').map((line) => ({ file, line })));
}

describe('core messages', () => {
  it('name no adapter command: the adapters add those', async () => {
    const lines = (await Promise.all(CORE.map(sourceLines))).flat();
    // Comments may point at a command; code may not say one to the user.
    const code = lines.filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/u.test(line));
    expect(code.filter(({ line }) => /npm run|\/reindex|replace:true|\/corpus /u.test(line))).toEqual([]);
  });
});
