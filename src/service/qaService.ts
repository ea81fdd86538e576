import type { Config } from '../config.ts';
import { type ArticlePassage, articlePassage } from '../answer/articlePassage.ts';
import { locationOf } from '../answer/citations.ts';
import { DEFAULT_CHUNKING } from '../chunk/types.ts';
import { prepareAnswer, validateQuestion } from '../answer/prepare.ts';
import { statutoryKeywords } from '../answer/rewrite.ts';
import { ProviderError } from '../providers/errors.ts';
import { groundedAnswer } from '../answer/grounded.ts';
import { modelSummary } from '../answer/modelSummary.ts';
import { prepareSummary, type Summary, type SummaryRequest } from '../answer/summarize.ts';
import type { Answer, PartialAnswer } from '../answer/types.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { createEmbeddings } from '../embed/createEmbeddings.ts';
import { reindex, type ReindexOptions, type ReindexReport } from '../index/build.ts';
import { currentGeneration } from '../index/layout.ts';
import { type LoadOptions, loadIndex, type SearchIndex } from '../index/loadIndex.ts';
import type { Logger } from '../log.ts';
import { type ChatProvider, createChatModel } from '../providers/createChatModel.ts';
import { UserFacingError } from '../userFacingError.ts';
import { addCorpusFile, removeCorpusFile } from './corpusFiles.ts';
import { addWebPage, type WebPageReport } from './webPages.ts';
import { WorkQueue } from './workQueue.ts';

/** The reindex of the configured corpus folders into the configured index. */
export function corpusReindex(config: Config, embeddings: ServiceEmbeddings, options: Pick<ReindexOptions, 'full' | 'verify' | 'allowEmpty' | 'onProgress'>): Promise<ReindexReport> {
  return reindex({
    corpusDirs: config.corpusDirs,
    indexDir: config.indexDir,
    embeddings,
    embedding: embeddings.identity,
    embedBatch: config.embeddings.batchSize,
    chunking: DEFAULT_CHUNKING,
    ...options,
  });
}

export interface IndexedDocument extends DocumentMetadata {
  chunks: number;
}

/** What a reader asking for a cited passage is shown: the whole article around it, in its document. */
export interface PassageView {
  document: DocumentMetadata;
  /** Where in the document (第十条, or a prose section's heading), without its title. */
  location: string | null;
  passage: ArticlePassage;
}

export interface AskOptions {
  /** Passages retrieved (default RETRIEVAL_TOP_K). */
  k?: number;
  /**
   * Called as a model-written answer streams in, with the text so far (markers checked and
   * renumbered, sources as cited so far); never called for extractive answers. The promise's
   * final Answer is what to show in the end: it may differ (a fallback to the extractive answer).
   */
  onPartial?: (partial: PartialAnswer) => void;
}

/**
 * The core the bot and the console share: one loaded index served to every question, replaced
 * only when a reindex has completely succeeded. Questions asked during a reindex keep using the
 * index that was loaded when they started.
 */
type ServiceEmbeddings = Awaited<ReturnType<typeof createEmbeddings>>;

/**
 * What the service works with besides its configuration: by default made from it (the configured
 * provider, created on first use); tests pass fakes (a LangChain fake chat model, say).
 */
export interface QaServiceDependencies {
  chat?: ChatProvider | null;
  embeddings?: ServiceEmbeddings;
}

export class QaService {
  private current: SearchIndex | null = null;
  private loadError: unknown = null;
  private reindexing: Promise<ReindexReport> | null = null;
  private readonly work: WorkQueue;
  /** Created on first use, so a model provider's package loads only when one is configured and asked. */
  private chatProvider: Promise<ChatProvider | null> | undefined;

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
    private readonly dependencies: QaServiceDependencies = {},
  ) {
    this.work = new WorkQueue(config.maxConcurrentAnswers, config.maxWaitingAnswers);
    if (dependencies.chat !== undefined) this.chatProvider = Promise.resolve(dependencies.chat);
  }

  private chat(): Promise<ChatProvider | null> {
    this.chatProvider ??= createChatModel(this.config);
    return this.chatProvider;
  }

  private async embeddings(): Promise<ServiceEmbeddings> {
    return this.dependencies.embeddings ?? createEmbeddings(this.config);
  }

  /** A service over the configured index, for a one-shot command: a missing or broken index is thrown. */
  static async open(config: Config, log: Logger): Promise<QaService> {
    const service = new QaService(config, log);
    service.current = await loadIndex(config.indexDir, await service.embeddings());
    return service;
  }

  /** Loads the served index; a broken or missing one is remembered, not thrown, so the bot can start. */
  async load(options: LoadOptions = {}): Promise<void> {
    try {
      this.current = await loadIndex(this.config.indexDir, await this.embeddings(), options);
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
      this.log.error({ err: error, indexDir: this.config.indexDir }, 'index unavailable');
    }
  }

  get index(): SearchIndex {
    // No index can be served (missing, broken, or built with another configuration): the load error is the cause.
    if (!this.current) throw new UserFacingError('index-unavailable', '索引不可用', { cause: this.loadError });
    return this.current;
  }

  /** Whether an index is loaded and answering (a failed load leaves none until a reindex succeeds). */
  get isServing(): boolean {
    return this.current !== null;
  }

  get isReindexing(): boolean {
    return this.reindexing !== null;
  }

  /**
   * Retrieves and answers extractively in turn with other questions (see WorkQueue; the index is
   * the one served when the turn comes); with a chat model configured, the model then writes the
   * answer outside the queue, since it waits on the network rather than the CPU.
   */
  async ask(question: string, { k = this.config.topK, onPartial }: AskOptions = {}): Promise<Answer> {
    const asked = validateQuestion(question);
    const keywords = await this.statutoryKeywords(asked);
    const prepared = await this.work.run(() => prepareAnswer(this.index, asked, { k, keywords }));
    const chat = await this.chat();
    if (!chat) return prepared.extractive;
    const answer = await groundedAnswer(prepared, chat, { onPartial });
    this.logFallback(answer.note, 'answer');
    return answer;
  }

  /**
   * A document or topic summary: written by the chat model when one is configured (map-reduce
   * for long documents), otherwise or when it fails extractive.
   */
  async summary(request: SummaryRequest): Promise<Summary> {
    const index = this.index;
    const { hits, extractive } = await this.work.run(() => prepareSummary(index, request));
    const chat = await this.chat();
    if (!chat) return extractive;
    const summary = await modelSummary(extractive, hits, chat);
    this.logFallback(summary.note, 'summary');
    return summary;
  }

  /**
   * With QUERY_REWRITE, the chat model's statutory keywords for the question (outside the work
   * queue: it waits on the network); none when it fails, so retrieval goes on without them.
   */
  private async statutoryKeywords(question: string): Promise<string[]> {
    const chat = this.config.llm.rewriteQuestions ? await this.chat() : null;
    if (!chat) return [];
    try {
      return await statutoryKeywords(chat, question);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      this.log.warn({ failure: error.code, provider: this.config.llm.provider, model: this.config.llm.model }, 'question rewrite: model provider fallback');
      return [];
    }
  }

  private logFallback(note: string | undefined, what: string): void {
    // Only the note: provider errors can quote request details, never worth a secret in the logs.
    if (note) this.log.warn({ note, provider: this.config.llm.provider, model: this.config.llm.model }, `${what}: model provider fallback`);
  }

  documents(): IndexedDocument[] {
    const index = this.index;
    return [...index.documents.values()].map((d) => ({ ...d, chunks: index.manifest.files[d.id]?.chunks ?? 0 })).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  }

  /**
   * The passage of a chunk cited earlier, or null when a reindex has since removed it. Where only a
   * short reference fits, `chunkId` may be `…` followed by the id's end (its #hash).
   */
  passage(chunkId: string): PassageView | null {
    const index = this.index;
    const chunk = chunkId.startsWith('…') ? index.chunks.byIdEnding(chunkId.slice(1)) : index.chunks.byId(chunkId);
    const document = chunk && index.documents.get(chunk.docId);
    if (!chunk || !document) return null;
    return { document, location: locationOf({ chunk }), passage: articlePassage(index.chunks.ofDocument(chunk.docId), chunk) };
  }

  builtAt(): string {
    return this.index.manifest.builtAt;
  }

  /** The folder documents are added to and removed from: the first corpus folder. */
  private corpusDir(): string {
    const dir = this.config.corpusDirs[0];
    if (!dir) throw new UserFacingError('corpus-unavailable', '没有配置语料目录');
    return dir;
  }

  /** Stores an uploaded file in the corpus (typed by its bytes, within its type's limit); a reindex serves it. */
  async addDocument(name: string, bytes: Buffer, replace: boolean): Promise<string> {
    return addCorpusFile(this.corpusDir(), name, bytes, { replace, maxBytes: this.config.maxUploadBytes, maxDocumentBytes: this.config.maxDocumentUploadBytes });
  }

  /** Removes a document's file from the corpus; a reindex drops it from the index. */
  async removeDocument(docId: string): Promise<string> {
    return removeCorpusFile(this.corpusDir(), docId);
  }

  /** Fetches a web page's article and its linked attachments into the corpus (see webPages.ts); a reindex serves them. */
  async addWebPage(address: string, replace: boolean): Promise<WebPageReport> {
    const options = { replace, maxPageBytes: this.config.maxUploadBytes, maxAttachmentBytes: this.config.maxDocumentUploadBytes, allowHosts: this.config.webFetchAllowHosts, log: this.log };
    return addWebPage(this.corpusDir(), address, options);
  }

  /**
   * The index to serve once a reindex succeeded: the one served when the reindex found the corpus
   * unchanged (a restart's check), since that generation's files are the ones loaded (at most its
   * manifest's file stamps were rewritten, which serving does not read). Loading it again took
   * about a second of this thread, and half a gigabyte until the first copy was collected, at 100k
   * chunks, just as a restarted bot answered its first questions.
   */
  private async servedAfterReindex(embeddings: ServiceEmbeddings): Promise<SearchIndex> {
    const served = this.current;
    if (served && (await currentGeneration(this.config.indexDir)) === served.generation) return served;
    return loadIndex(this.config.indexDir, embeddings);
  }

  /** Incremental reindex; the new index is loaded and swapped in only when the build succeeded. */
  async reindex(onProgress?: ReindexOptions['onProgress'], full = false): Promise<ReindexReport> {
    if (this.reindexing) throw new UserFacingError('index-busy', '已有重建索引任务在进行中');
    const run = (async () => {
      const embeddings = await this.embeddings();
      // The served index did not load: check every file rather than trust the manifest's word.
      const report = await corpusReindex(this.config, embeddings, { full, verify: this.loadError !== null, onProgress });
      this.current = await this.servedAfterReindex(embeddings);
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
