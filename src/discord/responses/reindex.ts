import { EmbedBuilder } from 'discord.js';
import type { ReindexReport } from '../../index/build.ts';
import { escapeDiscord } from '../escape.ts';
import { LIMITS, truncate } from '../limits.ts';
import { COLORS, NO_MENTIONS } from './common.ts';

const PHASES = { embed: '读取并向量化文档', write: '写入索引' } as const;

export function progressReply(phase: keyof typeof PHASES, done: number, total: number) {
  return { content: `正在重建索引：${PHASES[phase]} ${done}/${total}…`, allowedMentions: NO_MENTIONS };
}

export function reindexReply(report: ReindexReport, prefix = '') {
  const list = (ids: readonly string[]) =>
    ids.length
      ? `：${ids
          .slice(0, 10)
          .map((id) => `\`${id}\``)
          .join('、')}${ids.length > 10 ? ' 等' : ''}`
      : '';
  const lines = [
    `${report.documents} 篇文档，${report.chunks} 个段落，用时 ${report.seconds.toFixed(1)} 秒。`,
    `新增 ${report.added.length}${list(report.added)}`,
    `修改 ${report.changed.length}${list(report.changed)}`,
    `删除 ${report.removed.length}${list(report.removed)}`,
    `未变 ${report.unchanged}`,
  ];
  if (report.warnings.length) {
    lines.push('', '**警告**', ...report.warnings.slice(0, 10).map((w) => `• ${escapeDiscord(w.path)}：${escapeDiscord(w.message)}`));
  }
  const embed = new EmbedBuilder()
    .setColor(COLORS.summary)
    .setTitle(`${prefix}索引已更新`)
    .setDescription(truncate(lines.join('\n'), LIMITS.embedDescription));
  return { content: '', embeds: [embed], allowedMentions: NO_MENTIONS };
}
