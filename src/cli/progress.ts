import cliProgress from 'cli-progress';
import type { ReindexOptions } from '../index/build.ts';

const PHASES = { embed: '读取并向量化文档', write: '写入索引' } as const;

/** A progress bar on stderr when it is a terminal; nothing otherwise (pipes and CI stay clean). */
export function terminalProgress(): { onProgress: NonNullable<ReindexOptions['onProgress']>; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    onProgress: ({ phase, done, total }) => {
      if (!started) {
        bar.start(total, done, { phase: PHASES[phase] });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase: PHASES[phase] });
    },
    stop: () => started && bar.stop(),
  };
}
