import { corpusAddUrl } from '../src/cli/corpusAddUrl.ts';
import { parseCorpusCommand } from '../src/cli/corpusCommand.ts';
import { runCli } from '../src/cli/run.ts';
import { createLogger } from '../src/log.ts';

runCli(async () => {
  const command = parseCorpusCommand(process.argv.slice(2));
  await corpusAddUrl(command, {
    write: (text) => process.stdout.write(text),
    log: createLogger(command.config.logLevel),
  });
});
