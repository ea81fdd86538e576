import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildTextChannel,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIUser,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { snowflake } from './snowflake.ts';

/** The fake server's world: one guild with one text channel, the bot and its application. */
export interface World {
  bot: APIUser;
  applicationId: string;
  guildId: string;
  channelId: string;
  moderatorRoleId: string;
}

export function createWorld(): World {
  const applicationId = snowflake();
  return {
    bot: user('邮政指令问答', applicationId, true),
    applicationId,
    guildId: snowflake(),
    channelId: snowflake(),
    moderatorRoleId: snowflake(),
  };
}

export function user(username: string, id = snowflake(), bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot };
}

export function readyData(world: World, sessionId: string, resumeUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: world.bot,
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

function textChannel(world: World): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: world.channelId,
    type: ChannelType.GuildText,
    guild_id: world.guildId,
    name: '问答',
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

const ALL_MEMBER_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands;

export function guildCreateData(world: World): GatewayGuildCreateDispatchData {
  const role = (id: string, name: string, permissions: bigint) => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  });
  return {
    id: world.guildId,
    name: '邮政测试服务器',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: snowflake(),
    region: 'hongkong',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [role(world.guildId, '@everyone', ALL_MEMBER_PERMISSIONS), role(world.moderatorRoleId, '审核员', ALL_MEMBER_PERMISSIONS)],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.ChineseCN,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    member_count: 3,
    members: [],
    channels: [textChannel(world)],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    unavailable: false,
  };
}

/** Someone in the guild who sends interactions and messages. */
export interface Member {
  user: APIUser;
  permissions: bigint;
  roles: string[];
}

export function member(username: string, options: { moderator?: boolean; roles?: string[] } = {}): Member {
  const permissions = ALL_MEMBER_PERMISSIONS | (options.moderator ? PermissionFlagsBits.ManageGuild : 0n);
  return { user: user(username), permissions, roles: options.roles ?? [] };
}

function interactionMember(m: Member): APIInteractionGuildMember {
  return {
    user: m.user,
    roles: m.roles,
    permissions: m.permissions.toString(),
    joined_at: '2025-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    nick: null,
    avatar: null,
  };
}

function interactionBase(world: World, m: Member) {
  return {
    id: snowflake(),
    application_id: world.applicationId,
    token: `interaction-token-${snowflake()}`,
    version: 1 as const,
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: Locale.ChineseCN, features: [] },
    channel_id: world.channelId,
    channel: { id: world.channelId, type: ChannelType.GuildText as const },
    member: interactionMember(m),
    app_permissions: (PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks).toString(),
    locale: Locale.ChineseCN,
    guild_locale: Locale.ChineseCN,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: world.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export type OptionValue = string | number | boolean | { attachment: APIAttachment };

/** Options as Discord sends them; a `subcommand` wraps them the way Discord nests subcommand options. */
function commandOptions(values: Record<string, OptionValue>, subcommand?: string): APIApplicationCommandInteractionDataOption[] {
  const options = Object.entries(values).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
    if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Integer, value };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    return { name, type: ApplicationCommandOptionType.Attachment, value: value.attachment.id };
  });
  return subcommand ? [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }] : options;
}

export function chatInputInteraction(world: World, m: Member, name: string, values: Record<string, OptionValue> = {}, subcommand?: string): APIChatInputApplicationCommandInteraction {
  const attachments = Object.values(values).flatMap((v) => (typeof v === 'object' ? [v.attachment] : []));
  return {
    ...interactionBase(world, m),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: commandOptions(values, subcommand),
      ...(attachments.length > 0 ? { resolved: { attachments: Object.fromEntries(attachments.map((a) => [a.id, a])) } } : {}),
    },
  };
}

/** Typing into an autocomplete option: Discord sends the partial value with `focused: true`. */
export function autocompleteInteraction(world: World, m: Member, name: string, focused: { name: string; value: string }, subcommand?: string): APIApplicationCommandAutocompleteInteraction {
  const option = { name: focused.name, type: ApplicationCommandOptionType.String as const, value: focused.value, focused: true };
  return {
    ...interactionBase(world, m),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: subcommand ? [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options: [option] }] : [option],
    },
  };
}

export function buttonInteraction(world: World, m: Member, customId: string, message: APIMessage): APIMessageComponentButtonInteraction {
  return {
    ...interactionBase(world, m),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  };
}

export function message(world: World, author: APIUser, content: string, extra: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: world.channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    ...extra,
  };
}

export function attachment(url: string, filename: string, size: number): APIAttachment {
  return { id: snowflake(), filename, size, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' };
}
