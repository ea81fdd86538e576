import type { ChatInputCommandInteraction } from 'discord.js';
import type { ReindexReport } from '../../index/build.ts';
import type { BotContext } from '../context.ts';
import { progressReply } from '../responses/reindex.ts';

const PROGRESS_EDIT_MS = 1500;

/**
 * Runs a reindex for a deferred interaction, editing its reply with progress at most every
 * 1.5 s (Discord rate-limits edits). Questions keep using the old index until this completes.
 */
export async function reindexWithProgress(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<ReindexReport> {
  let lastEdit = 0;
  const report = await ctx.service.reindex((p) => {
    const now = Date.now();
    if (now - lastEdit < PROGRESS_EDIT_MS) return;
    lastEdit = now;
    interaction.editReply(progressReply(p.phase, p.done, p.total)).catch((err: unknown) => ctx.log.warn({ err }, 'progress edit failed'));
  });
  ctx.log.info({ added: report.added.length, changed: report.changed.length, removed: report.removed.length, seconds: report.seconds }, 'reindex done');
  return report;
}
