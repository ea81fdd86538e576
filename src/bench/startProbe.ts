/**
 * Run as a child process by the benchmark (`node --expose-gc --import tsx src/bench/startProbe.ts
 * MODE CORPUS_DIR INDEX_DIR DIMENSION QUESTIONS_JSON`), so startup is measured in a fresh process:
 * - `restart`: what `npm start` does over an unchanged corpus — start the segmentation warm-up in
 *   the background, reindex (a no-op), load, answer at once; then more answers, and the resident
 *   memory after them all.
 * - `warm`: load, resident memory after load, then the first answer once the warm-up is done.
 * Prints its figures as JSON.
 */
import { answerQuestion } from '../answer/extractive.ts';
import { DEFAULT_CHUNKING } from '../chunk/types.ts';
import { HashingEmbeddings } from '../embed/hashingEmbeddings.ts';
import { reindex } from '../index/build.ts';
import { loadIndex } from '../index/loadIndex.ts';
import { warmUp } from '../text/segment.ts';

const [mode, corpusDir, indexDir, dimension, questionsJson] = process.argv.slice(2);
const questions = JSON.parse(questionsJson!) as string[];
const embeddings = new HashingEmbeddings({ dimension: Number(dimension) });
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};

if (mode === 'restart') {
  const reindexStarted = performance.now();
  // As npm start does: the warm-up runs while the reindex check and the load wait on the disk.
  void warmUp();
  await reindex({ corpusDirs: [corpusDir!], indexDir: indexDir!, embeddings, embedding: embeddings.identity, chunking: DEFAULT_CHUNKING });
  const loadStarted = performance.now();
  const index = await loadIndex(indexDir!, embeddings);
  const loaded = performance.now();
  await answerQuestion(index, questions[0]!);
  // performance.now() counts from the process's start: node and module loading are part of a restart.
  const answered = performance.now();
  for (const question of questions.slice(1)) await answerQuestion(index, question);
  process.stdout.write(
    `${JSON.stringify({
      bootSeconds: reindexStarted / 1000,
      reindexSeconds: (loadStarted - reindexStarted) / 1000,
      loadSeconds: (loaded - loadStarted) / 1000,
      firstAnswerMs: answered - loaded,
      restartSeconds: answered / 1000,
      answers: questions.length,
      rssAfterAnswersBytes: rss(),
    })}\n`,
  );
} else {
  const started = performance.now();
  const index = await loadIndex(indexDir!, embeddings);
  const loadSeconds = (performance.now() - started) / 1000;
  const rssAfterLoadBytes = rss();
  await warmUp();
  const asked = performance.now();
  await answerQuestion(index, questions[0]!);
  process.stdout.write(`${JSON.stringify({ loadSeconds, rssAfterLoadBytes, warmFirstAnswerMs: performance.now() - asked })}\n`);
}
