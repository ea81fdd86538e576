import type { ReindexReport } from '../index/build.ts';

export function formatReindexReport(r: ReindexReport): string {
  const lines = [
    `索引完成：${r.documents} 篇文档，${r.chunks} 个文本块，用时 ${r.seconds.toFixed(2)} 秒`,
    `  新增 ${r.added.length}，修改 ${r.changed.length}，删除 ${r.removed.length}，未变 ${r.unchanged}（重新向量化 ${r.embeddedChunks} 块）`,
  ];
  if (r.rebuildReason) lines.push(`  全量重建：${r.rebuildReason}`);
  for (const w of r.warnings) lines.push(`  警告 ${w.path}：${w.message}`);
  return `${lines.join('\n')}\n`;
}
