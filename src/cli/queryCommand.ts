import type { Config } from '../config.ts';
import { parseCliArgs, positiveInt, UsageError } from './args.ts';
import { cliConfig } from './context.ts';

export interface QueryCommand {
  config: Config;
  k: number;
  /** The positional text; empty only with --jsonl, which reads one query per stdin line instead. */
  text: string;
  json: boolean;
  jsonl: boolean;
}

/** The flags `ask` and `search` share: --index, -k, --json, --jsonl and the query itself. */
export function parseQueryCommand(argv: readonly string[], missingText: string, usage: string): QueryCommand {
  const { values, positionals } = parseCliArgs(
    argv,
    {
      index: { type: 'string' },
      k: { type: 'string', short: 'k' },
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
    },
    usage,
  );
  const config = cliConfig(values);
  const text = positionals.join(' ').trim();
  if (!values.jsonl && !text) throw new UsageError(missingText);
  return { config, k: positiveInt(values.k, '-k', config.topK), text, json: values.json, jsonl: values.jsonl };
}
