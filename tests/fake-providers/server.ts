import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A model endpoint on 127.0.0.1 speaking both OpenAI's API (/v1/embeddings, /v1/chat/completions,
 * JSON or SSE) and Ollama's (/api/embed, /api/chat, NDJSON), so the real LangChain clients talk
 * to it over HTTP. Faults queued with `fail` are served first, one per request.
 */
export type Fault = { status: number; retryAfter?: string } | 'hang' | 'malformed';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export const FAKE_DIMENSION = 64;

/** Deterministic vectors from character bigrams: texts sharing words get close vectors. */
export function fakeVector(text: string): number[] {
  const v = new Array<number>(FAKE_DIMENSION).fill(0);
  const chars = [...text.replace(/\s+/gu, '')];
  for (let i = 0; i + 1 < chars.length; i++) {
    let h = 2166136261;
    for (const c of chars[i]! + chars[i + 1]!) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
    v[(h >>> 0) % FAKE_DIMENSION]! += 1;
  }
  v[0]! += 0.01;
  return v;
}

export interface FakeProvider {
  url: string;
  requests: RecordedRequest[];
  /** What the chat model answers, given the messages it was sent. */
  reply: (messages: ChatMessage[]) => string;
  /** Tokens a streamed reply is cut into. */
  tokens: (text: string) => string[];
  /** Pause between streamed tokens, to stream the way a real model does. */
  tokenDelayMs: number;
  fail: (...faults: Fault[]) => void;
  /** Texts sent for embedding, over all requests. */
  embeddedTexts: () => string[];
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startFakeProvider(): Promise<FakeProvider> {
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const fake: FakeProvider = {
    url: '',
    requests,
    reply: () => '根据资料无法回答。',
    tokenDelayMs: 0,
    tokens: (text) => Array.from({ length: Math.ceil([...text].length / 4) }, (_, i) => [...text].slice(i * 4, i * 4 + 4).join('')),
    fail: (...f) => faults.push(...f),
    embeddedTexts: () =>
      requests
        .filter((r) => r.path.endsWith('/embeddings') || r.path === '/api/embed')
        .flatMap((r) => {
          const input = r.body.input;
          return Array.isArray(input) ? (input as string[]) : [String(input)];
        }),
    close: async () => {},
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ path, headers: req.headers, body });
      const fault = faults.shift();
      if (fault === 'hang') return; // never answers; the client must give up on its own
      if (fault === 'malformed') {
        res.writeHead(200, { 'content-type': path.startsWith('/api/') ? 'application/x-ndjson' : 'application/json' });
        res.end('{"choices": [ {"message": oops');
        return;
      }
      if (fault) {
        json(res, fault.status, { error: { message: `fake failure ${fault.status}`, type: 'server_error' } }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
        return;
      }
      const input = body.input;
      const texts = Array.isArray(input) ? (input as string[]) : [String(input)];
      const model = String(body.model);
      if (path === '/v1/embeddings') {
        json(res, 200, { object: 'list', model, data: texts.map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(t) })), usage: { prompt_tokens: 1, total_tokens: 1 } });
      } else if (path === '/api/embed') {
        json(res, 200, { model, embeddings: texts.map(fakeVector) });
      } else if (path === '/v1/chat/completions') {
        const text = fake.reply(body.messages as ChatMessage[]);
        const base = { id: 'chatcmpl-fake', created: 1, model };
        if (!body.stream) {
          json(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] });
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const send = (delta: object, finish: string | null) =>
          res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
        send({ role: 'assistant', content: '' }, null);
        for (const token of fake.tokens(text)) {
          send({ content: token }, null);
          if (fake.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.tokenDelayMs));
        }
        send({}, 'stop');
        res.end('data: [DONE]\n\n');
      } else if (path === '/api/chat') {
        const text = fake.reply(body.messages as ChatMessage[]);
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        const line = (content: string, done: boolean) =>
          res.write(
            `${JSON.stringify({ model, created_at: new Date(0).toISOString(), message: { role: 'assistant', content }, done, ...(done ? { done_reason: 'stop', eval_count: 1, prompt_eval_count: 1 } : {}) })}\n`,
          );
        for (const token of fake.tokens(text)) {
          line(token, false);
          if (fake.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.tokenDelayMs));
        }
        line('', true);
        res.end();
      } else {
        json(res, 404, { error: `no route ${path}` });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** The JSON data a grounded prompt carries in its user message. */
export function promptData(messages: ChatMessage[]): { question?: string; topic?: string; passages?: { n: number; text: string }[]; partial_summaries?: string[] } {
  const user = messages.find((m) => m.role === 'user');
  return JSON.parse(user?.content ?? '{}') as ReturnType<typeof promptData>;
}

export const systemPrompt = (messages: ChatMessage[]) =>
  messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n');
