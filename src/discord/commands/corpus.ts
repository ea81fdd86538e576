import { type ChatInputCommandInteraction, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { CORPUS_EXTENSIONS } from '../../corpus/formats/read.ts';
import type { WebPageReport } from '../../service/webPages.ts';
import { UserFacingError } from '../../userFacingError.ts';
import type { BotCommand, BotContext } from '../context.ts';
import { escapeDiscord } from '../escape.ts';
import { reindexReply } from '../responses/reindex.ts';
import { webPageEmbed } from '../responses/webPage.ts';
import { respondWithDocuments } from './documentChoices.ts';
import { reindexWithProgress } from './reindexRun.ts';

const DOWNLOAD_TIMEOUT_MS = 15_000;

async function download(url: string, maxBytes: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new UserFacingError('download-failed', `无法下载附件（HTTP ${response.status}）`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new UserFacingError('file-too-large', `文件过大（上限 ${Math.round(maxBytes / 1024)} KB）`);
  return bytes;
}

/**
 * /corpus add-url: the page and its attachments are stored by the service, then the corpus is
 * reindexed as for an upload. What was stored and what was refused come before the index report.
 */
async function addUrl(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply();
  const address = interaction.options.getString('url', true);
  let report: WebPageReport;
  try {
    report = await ctx.service.addWebPage(address, interaction.options.getBoolean('replace') ?? false);
  } catch (error) {
    // The reason can quote the site (a host name, a content type): shown as text, never as Markdown.
    if (error instanceof UserFacingError) throw new UserFacingError(error.code, escapeDiscord(error.message), { cause: error });
    throw error;
  }
  ctx.log.info({ user: interaction.user.id, url: report.page.url, files: [report.page.file, ...report.attachments.map((a) => a.file)] }, 'corpus add-url');
  const reindexed = reindexReply(await reindexWithProgress(interaction, ctx));
  await interaction.editReply({ ...reindexed, embeds: [webPageEmbed(report), ...reindexed.embeds] });
}

export const corpusCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('corpus')
    .setDescription('管理语料文档（管理员）')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription(`上传文档（${CORPUS_EXTENSIONS.join(' ')}；文本须为 UTF-8）并重建索引`)
        .addAttachmentOption((o) => o.setName('file').setDescription('文档文件').setRequired(true))
        .addBooleanOption((o) => o.setName('replace').setDescription('同名文档已存在时覆盖')),
    )
    .addSubcommand((s) =>
      s
        .setName('add-url')
        .setDescription('抓取网页正文及其 PDF/Word 附件存入语料，并重建索引')
        .addStringOption((o) => o.setName('url').setDescription('文章页的网址（http 或 https）').setRequired(true).setMaxLength(2000))
        .addBooleanOption((o) => o.setName('replace').setDescription('同名文档已存在时覆盖')),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('删除文档并重建索引')
        .addStringOption((o) => o.setName('document').setDescription('要删除的文档').setRequired(true).setAutocomplete(true)),
    ),
  preconditions: ['moderator', 'idle'],
  async execute(interaction, ctx) {
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === 'add-url') {
      await addUrl(interaction, ctx);
    } else if (subcommand === 'add') {
      const file = interaction.options.getAttachment('file', true);
      // The type is only known from the bytes: before downloading, the larger of the two limits holds.
      const maxBytes = Math.max(ctx.config.maxUploadBytes, ctx.config.maxDocumentUploadBytes);
      // Checked before downloading: Discord reports the size, and nothing is fetched for a refused file.
      if (file.size > maxBytes) throw new UserFacingError('file-too-large', `文件过大（${Math.ceil(file.size / 1024)} KB，上限 ${Math.round(maxBytes / 1024)} KB）`);
      await interaction.deferReply();
      const saved = await ctx.service.addDocument(file.name, await download(file.url, maxBytes), interaction.options.getBoolean('replace') ?? false);
      ctx.log.info({ user: interaction.user.id, file: saved }, 'corpus add');
      await interaction.editReply(reindexReply(await reindexWithProgress(interaction, ctx), `已保存 ${saved}；`));
    } else {
      await interaction.deferReply();
      const removed = await ctx.service.removeDocument(interaction.options.getString('document', true));
      ctx.log.info({ user: interaction.user.id, file: removed }, 'corpus remove');
      await interaction.editReply(reindexReply(await reindexWithProgress(interaction, ctx), `已删除 ${removed}；`));
    }
  },
  autocomplete: (interaction, ctx) => respondWithDocuments(interaction, ctx.service),
};
