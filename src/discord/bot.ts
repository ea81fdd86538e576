import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { QaService } from '../service/qaService.ts';
import { COMMANDS } from './commands/index.ts';
import { COMPONENTS } from './components/index.ts';
import type { BotContext } from './context.ts';
import { Cooldowns } from './cooldown.ts';
import { handleMessage } from './mentions.ts';
import { NO_MENTIONS } from './responses/common.ts';
import { handleInteraction } from './router.ts';

export interface BotOptions {
  config: Config;
  service: QaService;
  log: Logger;
}

/** Creates the Discord client with every handler attached; `client.login(token)` starts it. */
export function createBot({ config, service, log }: BotOptions): Client {
  const intents = [GatewayIntentBits.Guilds];
  if (config.messageContentIntent) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  const options: ClientOptions = { intents, allowedMentions: NO_MENTIONS };
  if (config.discordApiUrl) options.rest = { api: config.discordApiUrl };
  const client = new Client(options);
  const ctx: BotContext = { service, config, log, cooldowns: new Cooldowns(config.askCooldownSeconds) };
  client.once(Events.ClientReady, (ready) => log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'bot ready'));
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, { commands: COMMANDS, components: COMPONENTS }, ctx));
  if (config.messageContentIntent) client.on(Events.MessageCreate, (message) => void handleMessage(message, ctx));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  return client;
}
