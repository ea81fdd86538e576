import type { Config } from '../config.ts';
import { parseCliArgs, UsageError } from './args.ts';
import { cliConfig } from './context.ts';

export const CORPUS_USAGE = `用法：npm run corpus -- add-url 网址 [选项]
抓取一个文章网页存入语料：用 Readability 提取正文（去掉导航、面包屑和页脚），保留标题、发布日期和来源，
网址记为文档来源（引用时显示）；页面链接的 PDF、Word 附件也一并下载，各存为一篇注明所在网页的文档。
随后重建索引。只抓取 http/https；本机、内网和链路本地地址一律拒绝，除非 .env 的 WEB_FETCH_ALLOW_HOSTS 列出该主机。
网页上限 MAX_UPLOAD_KB，每个附件上限 MAX_UPLOAD_DOCUMENT_KB，每次下载限时 15 秒。
  --replace       同名文档已存在时覆盖
  --corpus 目录   语料目录，可重复；网页存入第一个（默认 .env 的 CORPUS_DIR）
  --index 目录    索引目录（默认 .env 的 INDEX_DIR）
  --json          输出一个 JSON 对象（stored：保存与拒绝的内容；reindex：索引报告）
  -h, --help      显示本说明
例：npm run corpus -- add-url https://www.example.gov.cn/zwgk/tzgg/202401/t20240105_1.html`;

export interface CorpusAddUrl {
  config: Config;
  url: string;
  replace: boolean;
  json: boolean;
}

/** `add-url URL [--replace] [--corpus DIR] [--index DIR] [--json]`; anything else is a UsageError. */
export function parseCorpusCommand(argv: readonly string[]): CorpusAddUrl {
  const { values, positionals } = parseCliArgs(
    argv,
    {
      replace: { type: 'boolean', default: false },
      corpus: { type: 'string', multiple: true },
      index: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    CORPUS_USAGE,
  );
  const [action, url, ...rest] = positionals;
  if (action !== 'add-url') throw new UsageError(`未知的操作 ${action ?? '（缺少）'}；目前只有 add-url，例如：npm run corpus -- add-url https://…`);
  if (!url) throw new UsageError('请给出要抓取的网址，例如：npm run corpus -- add-url https://…');
  if (rest.length) throw new UsageError(`一次只能抓取一个网址，多余的参数：${rest.join(' ')}`);
  return { config: cliConfig(values), url, replace: values.replace, json: values.json };
}
