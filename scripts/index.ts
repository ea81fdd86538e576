import { parseCliArgs } from '../src/cli/args.ts';
import { cliConfig, reindexWithProgress } from '../src/cli/context.ts';
import { formatReindexReport } from '../src/cli/format.ts';
import { runCli } from '../src/cli/run.ts';

runCli(async () => {
  const { values } = parseCliArgs(process.argv.slice(2), {
    corpus: { type: 'string', multiple: true },
    index: { type: 'string' },
    full: { type: 'boolean', default: false },
    'allow-empty': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const config = cliConfig(values);
  const report = await reindexWithProgress(config, values.full, values['allow-empty']);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReindexReport(report));
});
