import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../../src/cli/args.ts';

const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  doc: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  evidence: z.string().optional(),
  answer: z.array(z.string()).optional(),
  negative: z.boolean().optional(),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

/** STARD's query file (a JSON array of lay legal questions): none of them is about postal law. */
const stardSchema = z.array(z.object({ query_id: z.number(), 问题: z.string() }).loose());

function parseStard(text: string): EvalQuestion[] | null {
  if (!text.trimStart().startsWith('[')) return null;
  const parsed = stardSchema.safeParse(JSON.parse(text));
  if (!parsed.success) return null;
  return parsed.data.map((q) => ({ id: `stard-${q.query_id}`, question: q.问题, doc: null, negative: true }));
}

/** Questions in the JSONL format of ../shared/eval, or STARD's queries.json (all taken as negatives). */
export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`无法读取问题文件：${file}`);
  });
  const stard = parseStard(text);
  if (stard) return stard;
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new UsageError(`${file} 第 ${i + 1} 行格式不符`);
      return parsed.data;
    });
}
