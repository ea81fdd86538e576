import { REST, Routes, type RESTGetCurrentApplicationResult } from 'discord.js';
import { UsageError } from '../src/cli/args.ts';
import { cliConfig } from '../src/cli/context.ts';
import { runCli } from '../src/cli/run.ts';
import { COMMANDS } from '../src/discord/commands/index.ts';

/** Registers the bot's slash commands: to DISCORD_GUILD_ID when set (instant), else globally. */
runCli(async () => {
  const config = cliConfig({});
  if (!config.discordToken) throw new UsageError('请先在 .env 中设置 DISCORD_TOKEN');
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  const body = COMMANDS.map((c) => c.data.toJSON());
  const route = config.discordGuildId ? Routes.applicationGuildCommands(application.id, config.discordGuildId) : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, { body })) as unknown[];
  process.stdout.write(`已注册 ${registered.length} 个命令${config.discordGuildId ? `到服务器 ${config.discordGuildId}` : '（全局，可能需要一小时生效）'}\n`);
});
