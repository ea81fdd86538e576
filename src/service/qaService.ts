import type { Config } from '../config.ts';
import { DEFAULT_CHUNKING } from '../chunk/types.ts';
import { answerQuestion } from '../answer/extractive.ts';
import { summarizeDocument, summarizeTopic, type Summary } from '../answer/summarize.ts';
import type { Answer } from '../answer/types.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { createEmbeddings } from '../embed/createEmbeddings.ts';
import { reindex, type ReindexOptions, type ReindexReport } from '../index/build.ts';
import { ReindexBusyError } from '../index/errors.ts';
import { loadIndex, type SearchIndex } from '../index/loadIndex.ts';
import type { Logger } from '../log.ts';
import { WorkQueue } from './workQueue.ts';

/** Shown to users while no index can be served. */
export class IndexUnavailableError extends Error {
  constructor(cause: unknown) {
    super('索引不可用，请管理员执行 /reindex', { cause });
  }
}

export interface IndexedDocument extends DocumentMetadata {
  chunks: number;
}

/**
 * The core the bot and the console share: one loaded index served to every question, replaced
 * only when a reindex has completely succeeded. Questions asked during a reindex keep using the
 * index that was loaded when they started.
 */
export class QaService {
  private current: SearchIndex | null = null;
  private loadError: unknown = null;
  private reindexing: Promise<ReindexReport> | null = null;
  private readonly work: WorkQueue;

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
  ) {
    this.work = new WorkQueue(config.maxConcurrentAnswers, config.maxWaitingAnswers);
  }

  /** Loads the served index; a broken or missing one is remembered, not thrown, so the bot can start. */
  async load(): Promise<void> {
    try {
      this.current = await loadIndex(this.config.indexDir, createEmbeddings(this.config));
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
      this.log.error({ err: error, indexDir: this.config.indexDir }, 'index unavailable');
    }
  }

  get index(): SearchIndex {
    if (!this.current) throw new IndexUnavailableError(this.loadError);
    return this.current;
  }

  get isReindexing(): boolean {
    return this.reindexing !== null;
  }

  /** Answers in turn with other questions (see WorkQueue); the index is the one served when the turn comes. */
  async ask(question: string, k = this.config.topK): Promise<Answer> {
    return this.work.run(() => answerQuestion(this.index, question, { k }));
  }

  summarizeDocument(ref: string): Summary {
    return summarizeDocument(this.index, ref);
  }

  async summarizeTopic(topic: string): Promise<Summary> {
    return this.work.run(() => summarizeTopic(this.index, topic));
  }

  documents(): IndexedDocument[] {
    const index = this.index;
    return [...index.documents.values()]
      .map((d) => ({ ...d, chunks: index.manifest.files[d.id]?.chunks ?? 0 }))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  }

  builtAt(): string {
    return this.index.manifest.builtAt;
  }

  /** Incremental reindex; the new index is loaded and swapped in only when the build succeeded. */
  async reindex(onProgress?: ReindexOptions['onProgress'], full = false): Promise<ReindexReport> {
    if (this.reindexing) throw new ReindexBusyError('已有重建索引任务在进行中');
    const embeddings = createEmbeddings(this.config);
    const run = (async () => {
      const report = await reindex({
        corpusDirs: this.config.corpusDirs,
        indexDir: this.config.indexDir,
        embeddings,
        embedding: embeddings.identity,
        chunking: DEFAULT_CHUNKING,
        full,
        onProgress,
      });
      const next = await loadIndex(this.config.indexDir, embeddings);
      this.current = next;
      this.loadError = null;
      return report;
    })();
    this.reindexing = run;
    try {
      return await run;
    } finally {
      this.reindexing = null;
    }
  }
}
