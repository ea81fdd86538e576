import type { BotCommand } from '../context.ts';
import { askCommand } from './ask.ts';
import { corpusCommand } from './corpus.ts';
import { helpCommand } from './help.ts';
import { reindexCommand } from './reindex.ts';
import { sourcesCommand } from './sources.ts';
import { summaryCommand } from './summary.ts';

/** Every slash command; the bot routes to them and deploy-commands registers the same list. */
export const COMMANDS: readonly BotCommand[] = [askCommand, summaryCommand, sourcesCommand, reindexCommand, corpusCommand, helpCommand];
