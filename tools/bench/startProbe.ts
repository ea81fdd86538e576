/**
 * Run as a child process by the benchmark (`node --expose-gc dist/tools/bench/startProbe.js MODE
 * CORPUS_DIR INDEX_DIR DIMENSION QUESTIONS_JSON`, compiled as npm start runs; through tsx from the
 * tests), so startup is measured in a fresh process:
 * - `restart`: what `npm start` does over an unchanged corpus — start jieba's dictionary loading on its
 *   worker thread, load the served index, starting the rest of the warm-up once its files are being
 *   read, answer at once, and check the corpus (a no-op reindex) once the warm-up is done; then more
 *   answers, when the dictionary was in, the time from the load to the end of the background reindex,
 *   and the resident memory after it all.
 * - `warm`: load, resident memory after load, then the first answer once the warm-up is done.
 * Prints its figures as JSON.
 */
import { startSegmenter } from '../../src/text/segment.ts';

const [mode, corpusDir, indexDir, dimension, questionsJson] = process.argv.slice(2);
// As npm start does (scripts/start.ts): jieba's dictionary starts loading on its worker thread before the other modules are read.
const dictionaryLoaded = mode === 'restart' ? startSegmenter().loaded : undefined;
const [{ answerQuestion }, { DEFAULT_CHUNKING }, { HashingEmbeddings }, { reindex }, { loadIndex }, { warmUpQuestions }] = await Promise.all([
  import('../../src/answer/prepare.ts'),
  import('../../src/chunk/types.ts'),
  import('../../src/embed/hashingEmbeddings.ts'),
  import('../../src/index/build.ts'),
  import('../../src/index/loadIndex.ts'),
  import('../../src/text/thesaurus.ts'),
]);
const questions = JSON.parse(questionsJson!) as string[];
const embeddings = new HashingEmbeddings({ dimension: Number(dimension) });
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};

if (mode === 'restart') {
  const loadStarted = performance.now();
  // As npm start does: the warm-up starts once the index files are being read, the reindex once it is done.
  let warmedUp: Promise<void> | undefined;
  const index = await loadIndex(indexDir!, embeddings, { whileReading: () => void (warmedUp = warmUpQuestions()) });
  const loaded = performance.now();
  const check = () => reindex({ corpusDirs: [corpusDir!], indexDir: indexDir!, embeddings, embedding: embeddings.identity, chunking: DEFAULT_CHUNKING });
  const checked = warmedUp!.then(check).then(() => performance.now());
  await answerQuestion(index, questions[0]!);
  // performance.now() counts from the process's start: node and module loading are part of a restart.
  const answered = performance.now();
  for (const question of questions.slice(1)) await answerQuestion(index, question);
  const reindexDone = await checked;
  process.stdout.write(
    `${JSON.stringify({
      bootSeconds: loadStarted / 1000,
      loadSeconds: (loaded - loadStarted) / 1000,
      firstAnswerMs: answered - loaded,
      dictionarySeconds: (await dictionaryLoaded!) / 1000,
      restartSeconds: answered / 1000,
      backgroundReindexSeconds: (reindexDone - loaded) / 1000,
      answers: questions.length,
      rssAfterAnswersBytes: rss(),
    })}\n`,
  );
} else {
  const started = performance.now();
  const index = await loadIndex(indexDir!, embeddings);
  const loadSeconds = (performance.now() - started) / 1000;
  const rssAfterLoadBytes = rss();
  await warmUpQuestions();
  const asked = performance.now();
  await answerQuestion(index, questions[0]!);
  process.stdout.write(`${JSON.stringify({ loadSeconds, rssAfterLoadBytes, warmFirstAnswerMs: performance.now() - asked })}\n`);
}
