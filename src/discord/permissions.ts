import { PermissionFlagsBits, type GuildMember, type APIInteractionGuildMember, type Interaction } from 'discord.js';
import { UserFacingError } from '../userFacingError.ts';

/**
 * The runtime half of the moderator check (the other half is `default_member_permissions` on the
 * command): server admins can override command permissions, so Manage Guild or a configured role is
 * checked again on every use.
 */
export function isModerator(interaction: Interaction, moderatorRoleIds: readonly string[]): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const member = interaction.member as GuildMember | APIInteractionGuildMember | null;
  if (!member) return false;
  const roles = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.some((role) => moderatorRoleIds.includes(role));
}

export function requireModerator(interaction: Interaction, moderatorRoleIds: readonly string[]): void {
  if (!isModerator(interaction, moderatorRoleIds)) throw new UserFacingError('not-allowed', '只有管理员（管理服务器权限或指定角色）可以使用这个命令。');
}
