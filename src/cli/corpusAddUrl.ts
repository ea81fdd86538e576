import type { Logger } from '../log.ts';
import { QaService } from '../service/qaService.ts';
import { reindexWithProgress } from './context.ts';
import type { CorpusAddUrl } from './corpusCommand.ts';
import { formatReindexReport } from './format.ts';
import { formatWebPageReport } from './formatWebPage.ts';

/**
 * `npm run corpus -- add-url`: the page and its attachments stored in the first corpus folder by
 * the service, then the corpus reindexed as `npm run index` does.
 */
export async function corpusAddUrl(command: CorpusAddUrl, io: { write: (text: string) => void; log: Logger }): Promise<void> {
  const { config } = command;
  const stored = await new QaService(config, io.log).addWebPage(command.url, command.replace);
  if (!command.json) io.write(formatWebPageReport(stored));
  const reindex = await reindexWithProgress(config, false);
  io.write(command.json ? `${JSON.stringify({ stored, reindex })}\n` : formatReindexReport(reindex));
}
