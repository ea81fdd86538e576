import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

/**
 * Synchronous calls into a worker thread (the pattern of the synckit package): the caller posts a
 * request on a message port and blocks in Atomics.wait until the worker's reply is in; the worker
 * blocks the same way between requests and never returns to its event loop. A call costs some
 * tens of microseconds on top of the work, so a module can keep a synchronous API (segment.ts)
 * while its work and its tables live on another thread.
 */

/** What the worker is handed (in its workerData, the port in the transfer list). */
export interface ServedEnd {
  flags: Int32Array;
  port: MessagePort;
}

type Reply = { value: unknown } | { error: string };

/** A request posted (SyncCaller.post) and its reply. */
export interface PendingReply {
  /** Whether the reply is in: take() then returns at once. */
  arrived: () => boolean;
  /** The reply, or its error thrown here; blocks this thread until it is in. */
  take: () => unknown;
}

/**
 * flags[REQUEST] is the number of the last request posted, flags[REPLY] that of the last one
 * answered; each side waits for the other's to change. Being woken is not enough: while indexing
 * 100k chunks the worker now and then woke with no request posted yet (Atomics.wait returning on
 * something other than the caller's notify), so each side checks the number again and waits on if
 * it has not moved.
 */
const REQUEST = 0;
const REPLY = 1;

/**
 * A request the worker has not answered in this time fails rather than hanging the caller's thread
 * for good (a worker that could not even start never answers). The first request may wait for the
 * worker's start, which takes seconds on a loaded machine.
 */
const REPLY_TIMEOUT_MS = 120_000;

export class SyncCaller<Request> {
  private readonly flags = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private readonly port: MessagePort;
  /** The worker's end, to pass to it once. */
  readonly served: ServedEnd;
  private broken: Error | null = null;
  private posted = 0;

  constructor(private readonly replyTimeoutMs = REPLY_TIMEOUT_MS) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.served = { flags: this.flags, port: port2 };
  }

  /** The worker's reply to `request`, or its error thrown here; blocks this thread until then. */
  call(request: Request): unknown {
    return this.post(request).take();
  }

  /**
   * Posts `request` and returns at once, so this thread can work while the worker does. Its reply
   * must be taken before the next request is posted.
   */
  post(request: Request): PendingReply {
    if (this.broken) throw this.broken;
    // Numbers wrap at 2^31 and are only compared for equality.
    const number = (this.posted + 1) | 0;
    this.port.postMessage(request);
    this.posted = number;
    Atomics.store(this.flags, REQUEST, number);
    Atomics.notify(this.flags, REQUEST);
    const deadline = performance.now() + this.replyTimeoutMs;
    return { arrived: () => Atomics.load(this.flags, REPLY) === number, take: () => this.reply(number, deadline) };
  }

  private reply(number: number, deadline: number): unknown {
    if (this.broken) throw this.broken;
    for (let answered = Atomics.load(this.flags, REPLY); answered !== number; answered = Atomics.load(this.flags, REPLY)) {
      const left = deadline - performance.now();
      if (left <= 0) {
        // A late reply would answer the next request: no more calls.
        this.broken = new Error(`worker thread did not answer in ${this.replyTimeoutMs / 1000} s`);
        throw this.broken;
      }
      Atomics.wait(this.flags, REPLY, answered, left);
    }
    const reply = receiveMessageOnPort(this.port)!.message as Reply;
    if ('error' in reply) throw new Error(reply.error);
    return reply.value;
  }
}

/** The worker's side: answers each request with `handle` (a throw is sent back as the error), forever. */
export function serveCalls<Request>(end: ServedEnd, handle: (request: Request) => unknown): never {
  for (let answered = 0; ; ) {
    while (Atomics.load(end.flags, REQUEST) === answered) Atomics.wait(end.flags, REQUEST, answered);
    answered = Atomics.load(end.flags, REQUEST);
    const request = receiveMessageOnPort(end.port)!.message as Request;
    let reply: Reply;
    try {
      reply = { value: handle(request) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    end.port.postMessage(reply);
    Atomics.store(end.flags, REPLY, answered);
    Atomics.notify(end.flags, REPLY);
  }
}
