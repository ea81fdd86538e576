import { createInterface } from 'node:readline';

/** Non-empty lines of stdin, one at a time, so a JSONL run starts answering before input ends. */
export async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield line.trim();
}
