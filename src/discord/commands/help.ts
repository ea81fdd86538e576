import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import type { BotCommand } from '../context.ts';
import { COLORS, NO_MENTIONS } from '../responses/common.ts';

const HELP = [
  '**/ask** `question`：根据语料回答问题，每句话后标注出处 [n]，可点按钮查看原文。语料中没有依据时会直接说明。',
  '**/summary** `document` 或 `topic`：总结一篇文档，或总结语料中关于某个主题的内容。',
  '**/sources**：列出已索引的文档（标题、日期、来源、段落数）。',
  '**/reindex**（管理员）：重新建立索引；重建期间照常回答。',
  '**/corpus add** `file` / **/corpus remove** `document`（管理员）：上传 .txt/.md/.html（UTF-8）或删除文档，随后自动重建索引。',
  '**/corpus add-url** `url`（管理员）：抓取网页正文（标题、日期、来源）及其 PDF/Word 附件存入语料并重建索引；引用时附原网页链接。',
  '也可以在频道里 @机器人 提问，或回复机器人的答案继续追问（需服务器开启此功能）。',
  '支持简体和繁体提问。',
].join('\n');

export const helpCommand: BotCommand = {
  data: new SlashCommandBuilder().setName('help').setDescription('查看使用说明'),
  async execute(interaction) {
    const embed = new EmbedBuilder().setColor(COLORS.summary).setTitle('邮政指令问答：使用说明').setDescription(HELP);
    await interaction.reply({ embeds: [embed], allowedMentions: NO_MENTIONS });
  },
};
