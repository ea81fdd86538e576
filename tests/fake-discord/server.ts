import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  type APIInteraction,
  type APIMessage,
  type RESTPostAPIInteractionCallbackJSONBody,
} from 'discord-api-types/v10';
import { FakeGateway } from './gateway.ts';
import { readRequest, sendEmpty, sendJson, type RecordedRequest } from './http.ts';
import { attachment, createWorld, message, type World } from './payloads.ts';
import { snowflake } from './snowflake.ts';

const API_PREFIX = '/api/v10';

/** A failure to inject: the next matching request gets this status (and body) instead of its answer. */
export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The message parts a reply carries, whichever route it came through. */
export interface Reply {
  via: 'callback' | 'edit' | 'followup' | 'channel';
  request: RecordedRequest;
  callbackType?: InteractionResponseType;
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  choices?: { name: string; value: string }[];
}

/**
 * Discord's REST API and gateway on 127.0.0.1, enough of both for the real discord.js client:
 * gateway discovery, interaction callbacks, webhook edits and follow-ups, command registration and
 * channel messages. Every request is recorded for the tests to assert on.
 */
export class FakeDiscord {
  readonly world: World = createWorld();
  readonly requests: RecordedRequest[] = [];
  readonly gateway: FakeGateway;
  private readonly messages = new Map<string, APIMessage>();
  /** Interaction token → id of its original response message. */
  private readonly originals = new Map<string, string>();
  private readonly posted: string[] = [];
  private readonly hosted = new Map<string, Buffer>();
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<{ match: (r: RecordedRequest) => boolean; wake: (r: RecordedRequest) => void }>();

  private constructor(private readonly server: Server) {
    this.gateway = new FakeGateway(server, this.world, () => this.gatewayUrl, 41_250);
    server.on('request', (req, res) => void this.handle(req, res));
  }

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  private get origin(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What discord.js takes as `rest.api`. */
  get restUrl(): string {
    return `http://${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `ws://${this.origin}/gateway`;
  }

  /** Serves bytes the way Discord's CDN serves an uploaded attachment, and describes that attachment. */
  hostAttachment(filename: string, data: Buffer | string, reportedSize?: number) {
    const key = `${snowflake()}/${encodeURIComponent(filename)}`;
    const bytes = Buffer.from(data);
    this.hosted.set(key, bytes);
    return { attachment: attachment(`http://${this.origin}/attachments/${key}`, filename, reportedSize ?? bytes.length) };
  }

  /** Sends INTERACTION_CREATE through the gateway, as Discord does when someone uses a command. */
  interact<T extends APIInteraction>(interaction: T): T {
    this.gateway.dispatch({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.InteractionCreate, s: 0, d: interaction });
    return interaction;
  }

  /** Sends MESSAGE_CREATE for a message someone typed in the guild's channel. */
  say(author: APIMessage['author'], content: string, extra: Partial<APIMessage> = {}): APIMessage {
    const typed = message(this.world, author, content, extra);
    this.messages.set(typed.id, typed);
    this.gateway.dispatch({
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.MessageCreate,
      s: 0,
      d: { ...typed, guild_id: this.world.guildId, mentions: typed.mentions },
    });
    return typed;
  }

  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The original response message of an interaction, as Discord stores it after edits. */
  original(interaction: { token: string }): APIMessage | undefined {
    const id = this.originals.get(interaction.token);
    return id ? this.messages.get(id) : undefined;
  }

  /** Messages the bot posted in channels, oldest first. */
  channelMessages(): APIMessage[] {
    return this.posted.flatMap((id) => this.messages.get(id) ?? []);
  }

  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        wake: (r: RecordedRequest) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Every reply to one interaction (its callback, edits of the original, follow-ups), oldest first. */
  replies(interaction: { id: string; token: string }): Reply[] {
    return this.requests.flatMap((request): Reply[] => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (request.path === `/interactions/${interaction.id}/${interaction.token}/callback`) {
        const callback = body as unknown as RESTPostAPIInteractionCallbackJSONBody;
        const data = ('data' in callback ? callback.data : {}) as Record<string, unknown>;
        return [{ via: 'callback', request, callbackType: callback.type, ...data }];
      }
      if (request.path.startsWith(`/webhooks/${this.world.applicationId}/${interaction.token}`)) {
        return [{ via: request.method === 'PATCH' ? 'edit' : 'followup', request, ...body }];
      }
      return [];
    });
  }

  /** Waits until a reply to the interaction satisfies `done` (e.g. the final edit after a deferral). */
  async reply(interaction: { id: string; token: string }, done: (r: Reply) => boolean = (r) => r.via !== 'callback' || r.callbackType !== InteractionResponseType.DeferredChannelMessageWithSource, timeoutMs = 15_000): Promise<Reply> {
    const found = () => this.replies(interaction).find(done);
    const prefix = [`/interactions/${interaction.id}/${interaction.token}/`, `/webhooks/${this.world.applicationId}/${interaction.token}`];
    await this.waitForRequest((r) => prefix.some((p) => r.path.startsWith(p)) && found() !== undefined, timeoutMs);
    return found() as Reply;
  }

  /** Messages the bot posted in channels (mention answers), oldest first. */
  channelReplies(): Reply[] {
    return this.requests
      .filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(r.path))
      .map((request) => ({ via: 'channel', request, ...((request.body ?? {}) as Record<string, unknown>) }));
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${this.origin}`);
    if (url.pathname.startsWith('/attachments/')) {
      const bytes = this.hosted.get(url.pathname.slice('/attachments/'.length));
      if (bytes) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(bytes);
      } else sendEmpty(res, 404);
      return;
    }
    const request = await readRequest(req, url, API_PREFIX);
    this.requests.push(request);
    const faultAt = this.faults.findIndex((f) => (!f.method || f.method === request.method) && f.path.test(request.path));
    const fault = faultAt >= 0 ? this.faults.splice(faultAt, 1)[0] : undefined;
    if (fault) sendJson(res, fault.status, fault.body ?? { message: 'fake failure', code: 0 }, fault.headers);
    else this.route(request, res);
    for (const waiter of [...this.waiters]) if (waiter.match(request)) waiter.wake(request);
  }

  private route(request: RecordedRequest, res: ServerResponse): void {
    const { method, path } = request;
    const body = (request.body ?? {}) as Partial<APIMessage> & Record<string, unknown>;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      sendJson(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    } else if (method === 'GET' && path === '/users/@me') {
      sendJson(res, 200, this.world.bot);
    } else if (method === 'GET' && path === '/applications/@me') {
      sendJson(res, 200, { id: this.world.applicationId, name: this.world.bot.username, bot_public: true, bot_require_code_grant: false, flags: 0 });
    } else if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/u)) && method === 'POST') {
      this.interactionCallback(m[2] ?? '', request, res);
    } else if ((m = path.match(/^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/u))) {
      const id = m[2] === '@original' ? this.originals.get(m[1] ?? '') : m[2];
      const stored = id ? this.messages.get(id) : undefined;
      if (!stored) sendJson(res, 404, { message: 'Unknown Message', code: 10008 });
      else if (method === 'DELETE') {
        this.messages.delete(stored.id);
        sendEmpty(res);
      } else {
        const updated = method === 'PATCH' ? { ...stored, ...body, edited_timestamp: new Date().toISOString() } : stored;
        this.messages.set(stored.id, updated);
        sendJson(res, 200, updated);
      }
    } else if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/u.test(path)) {
      sendJson(res, 200, this.store(body));
    } else if ((m = path.match(/^\/channels\/(\d+)\/messages(?:\/(\d+))?$/u))) {
      const stored = m[2] ? this.messages.get(m[2]) : undefined;
      if (method === 'POST' && !m[2]) {
        const sent = this.store(body);
        this.posted.push(sent.id);
        sendJson(res, 200, sent);
      }
      else if (method === 'GET' && stored) sendJson(res, 200, stored);
      else sendJson(res, 404, { message: 'Unknown Message', code: 10008 });
    } else if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/u.test(path)) {
      const commands = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
      sendJson(res, 200, commands.map((c) => ({ ...c, id: snowflake(), application_id: this.world.applicationId, version: snowflake() })));
    } else {
      sendJson(res, 404, { message: '404: Not Found', code: 0 });
    }
  }

  private interactionCallback(token: string, request: RecordedRequest, res: ServerResponse): void {
    const callback = request.body as RESTPostAPIInteractionCallbackJSONBody;
    if (callback.type === InteractionResponseType.ChannelMessageWithSource || callback.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      const data = ('data' in callback ? (callback.data ?? {}) : {}) as Partial<APIMessage>;
      this.originals.set(token, this.store(data).id);
    }
    if (request.query.get('with_response') === 'true') {
      const original = this.originals.get(token);
      sendJson(res, 200, {
        interaction: { id: snowflake(), type: 2 },
        resource: { type: callback.type, ...(original ? { message: this.messages.get(original) } : {}) },
      });
    } else sendEmpty(res);
  }

  private store(data: Partial<APIMessage>): APIMessage {
    const sent = message(this.world, this.world.bot, data.content ?? '', {
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      ...(data.flags === undefined ? {} : { flags: data.flags }),
      ...(data.message_reference ? { message_reference: data.message_reference } : {}),
    });
    this.messages.set(sent.id, sent);
    return sent;
  }
}
