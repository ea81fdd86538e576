import { MessageFlags } from 'discord.js';
import type { BotComponent } from '../context.ts';
import { SOURCES_PAGE_PREFIX, sourcesReply } from '../responses/sources.ts';

/**
 * 上一页 / 下一页 of /sources. The listing in the channel is everyone's, so it never changes: a page
 * asked for from it is answered with a page only the asker sees, whose own buttons then turn that page.
 */
export const sourcesPageComponent: BotComponent = {
  prefix: SOURCES_PAGE_PREFIX,
  async handle(interaction, page, ctx) {
    const reply = sourcesReply(ctx.service.documents(), ctx.service.builtAt(), Number.parseInt(page, 10) || 0);
    if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.update(reply);
    else await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
  },
};
