import { type Config, loadConfig } from '../config.ts';
import { createEmbeddings } from '../embed/createEmbeddings.ts';
import type { ReindexReport } from '../index/build.ts';
import { loadIndex, type SearchIndex } from '../index/loadIndex.ts';
import { corpusReindex } from '../service/qaService.ts';
import { terminalProgress } from './progress.ts';

/** Config with the command line's --corpus/--index taking precedence over `.env`. */
export function cliConfig(flags: { corpus?: string[] | undefined; index?: string | undefined }): Config {
  const config = loadConfig();
  return {
    ...config,
    corpusDirs: flags.corpus?.length ? flags.corpus : config.corpusDirs,
    indexDir: flags.index ?? config.indexDir,
  };
}

export async function openIndex(config: Config): Promise<SearchIndex> {
  return loadIndex(config.indexDir, await createEmbeddings(config));
}

export async function reindexWithProgress(config: Config, full: boolean, allowEmpty = false, verify = false): Promise<ReindexReport> {
  const progress = terminalProgress();
  try {
    return await corpusReindex(config, await createEmbeddings(config), { full, verify, allowEmpty, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
}
