import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
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
