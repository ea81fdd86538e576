import type { ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../userFacingError.ts';
import type { BotContext } from './context.ts';
import { requireModerator } from './permissions.ts';

/**
 * What must hold before a command runs, declared by the command and checked by the router:
 * `moderator` (Manage Guild or a configured role), `cooldown` (one question per user per
 * ASK_COOLDOWN_SECONDS), `idle` (no reindex running: the command would start or need one).
 */
export type Precondition = 'moderator' | 'cooldown' | 'idle';

const CHECKS: Record<Precondition, (interaction: ChatInputCommandInteraction, ctx: BotContext) => void> = {
  moderator: (interaction, ctx) => requireModerator(interaction, ctx.config.moderatorRoleIds),
  cooldown: (interaction, ctx) => {
    const wait = ctx.cooldowns.take(interaction.user.id);
    if (wait > 0) throw new UserFacingError('too-frequent', `提问太频繁了，请 ${wait} 秒后再试。`);
  },
  idle: (_interaction, ctx) => {
    if (ctx.service.isReindexing) throw new UserFacingError('index-busy', '正在重建索引，请稍候再试。');
  },
};

/** Throws the first failing precondition's message for the user, in the order declared. */
export function enforcePreconditions(preconditions: readonly Precondition[], interaction: ChatInputCommandInteraction, ctx: BotContext): void {
  for (const precondition of preconditions) CHECKS[precondition](interaction, ctx);
}
