import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserFacingError } from '../userFacingError.ts';

/** The command line's shorthand for an invalid request: a bad flag, a missing argument. */
export class UsageError extends UserFacingError<'invalid-request'> {
  constructor(message: string) {
    super('invalid-request', message);
  }
}

/** `--help`: the command's usage, printed on stdout with exit status 0. */
export class HelpRequested extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

const flagName = (name: string, option: Options[string]) => (option.short ? `-${option.short}/--${name}` : `--${name}`);

/** Node's parse errors (English, quoting the flag) as one Chinese line naming the valid flags. */
function usageError(error: unknown, options: Options): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const flag = /'(-[^'\s]*)/u.exec(message)?.[1] ?? '';
  const valid = `可用选项：${Object.entries(options)
    .map(([name, o]) => flagName(name, o))
    .join('、')}、--help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`未知选项 ${flag}；${valid}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`选项 ${flag} 的值不对（缺少值，或不该带值）；${valid}`);
  return new UsageError(`无法解析参数：${message.split('\n')[0]}；${valid}`);
}

/**
 * Strict flag parsing: `--help`/`-h` shows `usage`; an unknown flag or a missing value is a
 * UsageError of one Chinese line naming the valid flags.
 */
export function parseCliArgs<O extends Options>(argv: readonly string[], options: O, usage: string) {
  if (argv.some((a) => a === '--help' || a === '-h')) throw new HelpRequested(usage);
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(error, options);
  }
}

/** `-k 5` → 5, with a clear message for anything that is not a positive integer. */
export function positiveInt(value: string | undefined, name: string, fallback: number, max = 100): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} 需要 1 到 ${max} 之间的整数，收到 "${value}"`);
  return n;
}
