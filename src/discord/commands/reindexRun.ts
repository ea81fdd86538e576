import type { ChatInputCommandInteraction } from 'discord.js';
import type { ReindexOptions, ReindexReport } from '../../index/build.ts';
import { UserFacingError } from '../../userFacingError.ts';
import type { BotContext } from '../context.ts';
import { discordMessage } from '../errorText.ts';
import { progressReply } from '../responses/reindex.ts';

const PROGRESS_EDIT_MS = 1500;

/**
 * Runs a reindex for a deferred interaction, editing its reply with progress at most every
 * 1.5 s (Discord rate-limits edits). Questions keep using the old index until this completes.
 * A failure is shown to the moderator with its cause: they are the one who can fix the corpus.
 */
export async function reindexWithProgress(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<ReindexReport> {
  let lastEdit = 0;
  const onProgress: ReindexOptions['onProgress'] = (p) => {
    const now = Date.now();
    if (now - lastEdit < PROGRESS_EDIT_MS) return;
    lastEdit = now;
    interaction.editReply(progressReply(p.phase, p.done, p.total)).catch((err: unknown) => ctx.log.warn({ err }, 'progress edit failed'));
  };
  let report: ReindexReport;
  try {
    report = await ctx.service.reindex(onProgress);
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'index-busy') throw error;
    ctx.log.error({ err: error, user: interaction.user.id }, 'reindex failed');
    const cause = error instanceof UserFacingError ? discordMessage(error) : error instanceof Error ? error.message : String(error);
    throw new UserFacingError('reindex-failed', `重建索引失败：${cause}\n原来的索引仍在使用，问答不受影响。`, { cause: error });
  }
  ctx.log.info({ added: report.added.length, changed: report.changed.length, removed: report.removed.length, seconds: report.seconds }, 'reindex done');
  return report;
}
