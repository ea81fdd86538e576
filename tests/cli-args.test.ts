import { describe, expect, it } from 'vitest';
import { HelpRequested, parseCliArgs, positiveInt, UsageError } from '../src/cli/args.ts';

const OPTIONS = { index: { type: 'string' }, k: { type: 'string', short: 'k' }, json: { type: 'boolean', default: false } } as const;
const USAGE = '用法：npm run x -- [选项]';
const parse = (argv: string[]) => parseCliArgs(argv, OPTIONS, USAGE);

describe('command-line flags', () => {
  it.each([['--help'], ['-h'], ['--json', '问题', '--help']])('%j asks for the usage', (...argv) => {
    expect(() => parse(argv)).toThrow(HelpRequested);
    expect(() => parse(argv)).toThrow(USAGE);
  });

  it.each([
    [['--bogus'], '未知选项 --bogus；可用选项：--index、-k/--k、--json、--help'],
    [['--index'], '选项 --index 的值不对（缺少值，或不该带值）；可用选项：--index、-k/--k、--json、--help'],
    [['--json=yes'], '选项 --json 的值不对（缺少值，或不该带值）；可用选项：--index、-k/--k、--json、--help'],
  ])('%j is one Chinese line naming the valid flags', (argv, message) => {
    expect(() => parse(argv)).toThrow(new UsageError(message));
  });

  it('reads flags and the question', () => {
    expect(parse(['--index', 'idx', '-k', '3', '快递', '丢了'])).toMatchObject({ values: { index: 'idx', k: '3', json: false }, positionals: ['快递', '丢了'] });
  });

  it.each([
    [undefined, 5],
    ['7', 7],
  ])('-k %s is %i', (value, expected) => {
    expect(positiveInt(value, '-k', 5)).toBe(expected);
  });

  it.each(['0', 'abc', '1.5', '101'])('-k %s is refused', (value) => {
    expect(() => positiveInt(value, '-k', 5)).toThrow(/-k 需要 1 到 100 之间的整数/u);
  });
});
