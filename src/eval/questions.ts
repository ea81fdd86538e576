import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../cli/args.ts';

const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  doc: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  evidence: z.string().optional(),
  answer: z.array(z.string()).optional(),
  negative: z.boolean().optional(),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`无法读取问题文件：${file}`);
  });
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new UsageError(`${file} 第 ${i + 1} 行格式不符`);
      return parsed.data;
    });
}
