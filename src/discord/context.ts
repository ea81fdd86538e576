import type { AutocompleteInteraction, ChatInputCommandInteraction, MessageComponentInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { QaService } from '../service/qaService.ts';
import type { Cooldowns } from './cooldown.ts';
import type { Precondition } from './preconditions.ts';

export interface BotContext {
  service: QaService;
  config: Config;
  log: Logger;
  cooldowns: Cooldowns;
}

/** One slash command: its definition (also used by deploy-commands) and its handlers. */
export interface BotCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Checked by the router before `execute`, in this order. */
  preconditions?: readonly Precondition[];
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/**
 * One kind of button or select: every customId it builds starts with `prefix` (unique among the
 * components), and the router hands it the rest of the id, which carries what it needs (a chunk id,
 * a page), so nothing internal has to be shown in the message.
 */
export interface BotComponent {
  prefix: string;
  handle(interaction: MessageComponentInteraction, argument: string, ctx: BotContext): Promise<void>;
}
