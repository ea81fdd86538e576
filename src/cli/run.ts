import { UserFacingError } from '../userFacingError.ts';
import { HelpRequested } from './args.ts';
import { isUsageError, terminalMessage } from './errorText.ts';

/**
 * Runs a CLI entry point. `--help` prints the usage; a user-facing error prints one line and exits
 * 1 (2 when the command line was wrong); anything else also prints one line, never a stack trace.
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${error.message.trim()}\n`);
      return;
    }
    if (error instanceof UserFacingError) {
      process.stderr.write(`错误：${terminalMessage(error)}\n`);
      process.exitCode = isUsageError(error) ? 2 : 1;
      return;
    }
    process.stderr.write(`错误：意外失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
