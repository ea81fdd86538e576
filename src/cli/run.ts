import { ConfigError } from '../config.ts';
import { CorpusError } from '../corpus/load.ts';
import { IndexError, ReindexBusyError } from '../index/errors.ts';
import { ProviderError } from '../providers/errors.ts';
import { CorpusFileError } from '../service/corpusFiles.ts';
import { HelpRequested, UsageError } from './args.ts';

const EXPECTED = [UsageError, ConfigError, CorpusError, CorpusFileError, IndexError, ReindexBusyError, ProviderError];

/**
 * Runs a CLI entry point. `--help` prints the usage; expected failures print one line and exit 1
 * (2 for usage errors); anything else also prints one line, never a stack trace.
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${error.message.trim()}\n`);
      return;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    const expected = EXPECTED.some((type) => err instanceof type);
    process.stderr.write(`错误：${expected ? err.message : `意外失败：${err.message}`}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
