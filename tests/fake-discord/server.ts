import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  RESTJSONErrorCodes,
  type APIInteraction,
  type APIMessage,
  type RESTPostAPIInteractionCallbackJSONBody,
} from 'discord-api-types/v10';
import { FakeGateway } from './gateway.ts';
import { decodeSegments, readRequest, sendEmpty, sendJson, type RecordedRequest } from './http.ts';
import { attachment, createWorld, message, type World } from './payloads.ts';
import { snowflake } from './snowflake.ts';

const API_PREFIX = '/api/v10';

/**
 * A failure to inject: the next matching request gets this status (and body) instead of its answer.
 * Each fault must be hit before the test ends, unless it is `optional`.
 */
export interface Fault {
  method?: string;
  /** Matched against the decoded path, e.g. `/webhooks/1/tok/messages/@original`. */
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  optional?: boolean;
}

/**
 * An error response the fake itself will send (e.g. 404 for a message that was deleted) that a test
 * means to provoke. Any 4xx/5xx not injected as a fault nor expected here fails the test; an
 * expectation must be met at least once unless it is `optional`.
 */
export interface ErrorExpectation {
  method?: string;
  path: RegExp;
  status?: number;
  optional?: boolean;
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

type InteractionRef = { id: string; token: string };

/** What Discord knows about one interaction it sent. */
interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  /** The message a component was clicked on: type 6/7 callbacks update it. */
  componentMessageId?: string;
  callbackType?: InteractionResponseType;
  choices?: { name: string; value: string }[];
  /** The message `@original` refers to, once the interaction was answered with or on one. */
  originalId?: string;
  followupIds: string[];
  /** The last accepted request that changed what the user sees, and how it came. */
  last?: { via: 'callback' | 'edit'; request: RecordedRequest };
  inFlight: number;
  lastActivity: number;
  /** A 429 was sent: the client will be silent until then, but not done. */
  quietUntil: number;
  /** Already reported by an audit as left unanswered. */
  reported?: boolean;
}

/** Fields of an edit body that change a message. */
const EDITABLE = ['content', 'embeds', 'components', 'attachments', 'poll'] as const;

const POLL_MS = 10;
/** Consecutive polls without activity before an interaction counts as settled. */
const QUIET_POLLS = 3;

const error = (status: number, message: string, code: number) => ({ status, body: { message, code } });

/**
 * Discord's REST API and gateway on 127.0.0.1, enough of both for the real discord.js client:
 * gateway discovery, interaction callbacks, webhook edits and follow-ups, command registration and
 * channel messages. Paths are percent-decoded per segment before routing, as Discord does (discord.js
 * encodes `@original` as `%40original`). Every request is recorded with the status it got, and the
 * fake keeps each message's current state, so tests can read what a user would see after all edits.
 */
export class FakeDiscord {
  readonly world: World = createWorld();
  readonly requests: RecordedRequest[] = [];
  readonly gateway: FakeGateway;
  private readonly messages = new Map<string, APIMessage>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly posted: string[] = [];
  private readonly hosted = new Map<string, Buffer>();
  private faults: Fault[] = [];
  private expectedErrors: (ErrorExpectation & { hits: number })[] = [];
  /** Every response with status ≥ 400, and whether a fault or an expectation explains it. */
  private readonly errors: { method: string; path: string; status: number; explained: boolean }[] = [];
  private auditedErrors = 0;
  private inFlight = 0;
  private lastActivity = 0;
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
    const bytes = Buffer.from(data);
    const described = attachment('', filename, reportedSize ?? bytes.length);
    // Discord's CDN: /attachments/{channel}/{attachment}/{filename}, the filename percent-encoded.
    const url = `http://${this.origin}/attachments/${this.world.channelId}/${described.id}/${encodeURIComponent(filename)}`;
    this.hosted.set(`${described.id}/${filename}`, bytes);
    return { attachment: { ...described, url, proxy_url: url } };
  }

  /** Sends INTERACTION_CREATE through the gateway, as Discord does when someone uses a command. */
  interact<T extends APIInteraction>(interaction: T): T {
    this.interactions.set(interaction.token, {
      id: interaction.id,
      token: interaction.token,
      type: interaction.type,
      ...(interaction.type === InteractionType.MessageComponent ? { componentMessageId: interaction.message.id } : {}),
      followupIds: [],
      inFlight: 0,
      lastActivity: Date.now(),
      quietUntil: 0,
    });
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

  /** Injects a failure for the next matching request; the test fails if it is never hit (unless optional). */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Declares an error response the fake will send on its own that the test provokes on purpose. */
  expectError(expectation: ErrorExpectation): void {
    this.expectedErrors.push({ ...expectation, hits: 0 });
  }

  /** The original response message of an interaction, as Discord stores it after edits. */
  original(interaction: { token: string }): APIMessage | undefined {
    const id = this.interactions.get(interaction.token)?.originalId;
    return id ? this.messages.get(id) : undefined;
  }

  /** The interaction's follow-up messages as they are now, oldest first. */
  followups(interaction: { token: string }): APIMessage[] {
    return (this.interactions.get(interaction.token)?.followupIds ?? []).flatMap((id) => this.messages.get(id) ?? []);
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
        reject(new Error(`no matching request within ${timeoutMs} ms; saw:\n${this.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join('\n')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * Every reply to one interaction that Discord accepted (its callback, edits of the original,
   * follow-ups), oldest first: the history of what the user saw. Requests that failed are left out.
   */
  replies(interaction: InteractionRef): Reply[] {
    const webhook = `/webhooks/${this.world.applicationId}/${interaction.token}`;
    return this.requests.flatMap((request): Reply[] => {
      if (request.status === undefined || request.status >= 300) return [];
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (request.method === 'POST' && request.path === `/interactions/${interaction.id}/${interaction.token}/callback`) {
        const callback = body as unknown as RESTPostAPIInteractionCallbackJSONBody;
        const data = ('data' in callback ? callback.data : {}) as Record<string, unknown>;
        return [{ via: 'callback', request, callbackType: callback.type, ...data }];
      }
      if (request.method === 'PATCH' && request.path.startsWith(`${webhook}/messages/`)) return [{ via: 'edit', request, ...body }];
      if (request.method === 'POST' && request.path === webhook) return [{ via: 'followup', request, ...body }];
      return [];
    });
  }

  /**
   * What the user sees of an interaction's response right now: the original message in its current
   * state (after every accepted edit, a failure notice included), or the autocomplete choices.
   * `via` and `request` name the last accepted request that changed it. Undefined before any callback.
   */
  shown(interaction: InteractionRef): Reply | undefined {
    const state = this.interactions.get(interaction.token);
    if (!state?.last || state.callbackType === undefined) return undefined;
    const base: Reply = { via: state.last.via, request: state.last.request, callbackType: state.callbackType };
    if (state.choices) return { ...base, choices: state.choices };
    const original = state.originalId ? this.messages.get(state.originalId) : undefined;
    if (!original) return base;
    return {
      ...base,
      content: original.content,
      embeds: original.embeds as Reply['embeds'],
      components: original.components as Reply['components'],
      flags: original.flags ?? 0,
    };
  }

  /**
   * Waits until the interaction is answered (and no longer "thinking…" after a deferral), what the
   * user sees satisfies `until`, and the bot has stopped sending requests for it; returns that state.
   * Use it to read "the answer": unlike one request's body, it reflects every later edit, including
   * a failure notice the bot sent after an error. `until` tells a final state from an intermediate
   * one (e.g. a progress or streaming edit) when the bot pauses between edits.
   */
  async finalReply(interaction: InteractionRef, until: (r: Reply) => boolean = () => true, timeoutMs = 15_000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    for (;;) {
      const state = this.interactions.get(interaction.token);
      const shown = this.shown(interaction);
      const idle = state !== undefined && state.inFlight === 0 && Date.now() >= state.quietUntil;
      const activity = state?.lastActivity ?? 0;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const unchanged = (this.interactions.get(interaction.token)?.lastActivity ?? 0) === activity;
      quiet = shown && isAnswered(shown) && until(shown) && idle && unchanged ? quiet + 1 : 0;
      if (quiet >= QUIET_POLLS) return this.shown(interaction)!;
      if (Date.now() > deadline) {
        const history = this.requests
          .filter((r) => r.path.includes(interaction.token))
          .map((r) => `${r.method} ${r.path} → ${r.status ?? 'pending'}`)
          .join('\n');
        throw new Error(
          `the reply to interaction ${interaction.id} did not settle as expected within ${timeoutMs} ms; shown: ${JSON.stringify(this.shown(interaction) ?? null, (k, v) => (k === 'request' ? undefined : v))}\nrequests:\n${history}`,
        );
      }
    }
  }

  /**
   * Interactions the user is still waiting on: never acknowledged (Discord shows "The application did
   * not respond"), or deferred and never edited (left "thinking…").
   */
  unanswered(): string[] {
    return this.waiting().map(({ state, why }) => `interaction ${state.id} ${why}`);
  }

  private waiting(): { state: InteractionState; why: string }[] {
    return [...this.interactions.values()].flatMap((state) => {
      if (state.reported) return [];
      if (state.callbackType === undefined) return [{ state, why: 'was never answered' }];
      const original = state.originalId ? this.messages.get(state.originalId) : undefined;
      return original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0 ? [{ state, why: 'was left "thinking…"' }] : [];
    });
  }

  /** Waits (at most `timeoutMs`) until every interaction is answered and no request is in flight. */
  async settle(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.idle();
    while (this.unanswered().length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await this.idle();
    }
  }

  /** Waits until no request has been in flight for a few polls (the bot may still be computing). */
  async idle(): Promise<void> {
    let quiet = 0;
    while (quiet < QUIET_POLLS) {
      const activity = this.lastActivity;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      quiet = this.inFlight === 0 && this.lastActivity === activity ? quiet + 1 : 0;
    }
  }

  /** Messages the bot posted in channels (mention answers), oldest first, as sent. */
  channelReplies(): Reply[] {
    return this.requests
      .filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(r.path) && r.status === 200)
      .map((request) => ({ via: 'channel', request, ...((request.body ?? {}) as Record<string, unknown>) }));
  }

  /**
   * What is wrong since the last audit: interactions left unanswered, error responses no test asked
   * for, faults never hit and expected errors never seen. Clears the faults and expectations, so each
   * test declares its own. Call `settle()` first to give the bot time to finish.
   */
  audit(): string[] {
    const problems = this.unanswered();
    for (const { state } of this.waiting()) state.reported = true;
    for (const e of this.errors.slice(this.auditedErrors)) if (!e.explained) problems.push(`unexpected ${e.status} for ${e.method} ${e.path}`);
    this.auditedErrors = this.errors.length;
    const describe = (f: { method?: string; path: RegExp }) => `${f.method ?? 'any method'} ${String(f.path)}`;
    for (const f of this.faults) if (!f.optional) problems.push(`injected fault (${f.status}) never hit: ${describe(f)}`);
    for (const e of this.expectedErrors) if (!e.optional && e.hits === 0) problems.push(`expected error${e.status ? ` ${e.status}` : ''} never sent: ${describe(e)}`);
    this.faults = [];
    this.expectedErrors = [];
    return problems;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${this.origin}`);
    const segments = decodeSegments(url.pathname);
    if (segments?.[0] === 'attachments') {
      // The CDN: /attachments/{channel}/{attachment}/{filename}
      const bytes = segments.length === 4 ? this.hosted.get(`${segments[2]}/${segments[3]}`) : undefined;
      if (bytes) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(bytes);
      } else {
        this.noteError(req.method ?? 'GET', url.pathname, 404, false);
        sendEmpty(res, 404);
      }
      return;
    }
    this.inFlight += 1;
    this.lastActivity = Date.now();
    let request: RecordedRequest;
    try {
      request = await readRequest(req, url, API_PREFIX);
    } catch {
      this.inFlight -= 1;
      this.noteError(req.method ?? 'GET', url.pathname, 400, false);
      sendJson(res, 400, { message: 'The request body contains invalid JSON.', code: 50109 });
      return;
    }
    this.requests.push(request);
    const interaction = this.interactionOf(request);
    if (interaction) {
      interaction.inFlight += 1;
      interaction.lastActivity = Date.now();
    }
    const faultAt = this.faults.findIndex((f) => (!f.method || f.method === request.method) && f.path.test(request.path));
    const fault = faultAt >= 0 ? this.faults.splice(faultAt, 1)[0] : undefined;
    let status: number;
    if (fault) {
      status = fault.status;
      sendJson(res, fault.status, fault.body ?? { message: 'fake failure', code: 0 }, fault.headers);
      const retryAfter = Number(fault.headers?.['retry-after'] ?? (fault.body as { retry_after?: number } | undefined)?.retry_after ?? 0);
      if (interaction && fault.status === 429) interaction.quietUntil = Date.now() + retryAfter * 1000 + 100;
    } else if (segments === null) {
      status = 400;
      sendJson(res, 400, { message: '400: Bad Request', code: 0 });
    } else {
      const answer = this.route(request, interaction);
      status = answer.status;
      if (answer.body === undefined) sendEmpty(res, answer.status);
      else sendJson(res, answer.status, answer.body);
    }
    request.status = status;
    if (status >= 400) this.noteError(request.method, request.path, status, fault !== undefined);
    this.inFlight -= 1;
    this.lastActivity = Date.now();
    if (interaction) {
      interaction.inFlight -= 1;
      interaction.lastActivity = Date.now();
    }
    for (const waiter of [...this.waiters]) if (waiter.match(request)) waiter.wake(request);
  }

  private noteError(method: string, path: string, status: number, injected: boolean): void {
    const expected = injected ? undefined : this.expectedErrors.find((e) => (!e.method || e.method === method) && (!e.status || e.status === status) && e.path.test(path));
    if (expected) expected.hits += 1;
    this.errors.push({ method, path, status, explained: injected || expected !== undefined });
  }

  /** The interaction a request answers or edits, by its token. */
  private interactionOf(request: RecordedRequest): InteractionState | undefined {
    const [first, , token] = request.segments;
    return first === 'interactions' || first === 'webhooks' ? this.interactions.get(token ?? '') : undefined;
  }

  private route(request: RecordedRequest, interaction: InteractionState | undefined): { status: number; body?: unknown } {
    const { method } = request;
    const s = request.segments;
    const body = (request.body ?? {}) as Partial<APIMessage> & Record<string, unknown>;
    const is = (...pattern: string[]) => s.length === pattern.length && pattern.every((p, i) => p === '*' || p === s[i]);
    const only = (allowed: string, answer: () => { status: number; body?: unknown }) => (method === allowed ? answer() : error(405, '405: Method Not Allowed', 0));

    if (is('gateway', 'bot')) {
      return only('GET', () => ({
        status: 200,
        body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } },
      }));
    }
    if (is('users', '@me')) return only('GET', () => ({ status: 200, body: this.world.bot }));
    if (is('applications', '@me')) {
      return only('GET', () => ({ status: 200, body: { id: this.world.applicationId, name: this.world.bot.username, bot_public: true, bot_require_code_grant: false, flags: 0 } }));
    }
    if (is('interactions', '*', '*', 'callback')) {
      return only('POST', () => {
        if (!interaction || interaction.id !== s[1]) return error(404, 'Unknown interaction', RESTJSONErrorCodes.UnknownInteraction);
        if (interaction.callbackType !== undefined) return error(400, 'Interaction has already been acknowledged.', RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged);
        return this.interactionCallback(interaction, request);
      });
    }
    if (is('webhooks', '*', '*') || is('webhooks', '*', '*', 'messages', '*')) {
      if (s[1] !== this.world.applicationId || !interaction) return error(404, 'Unknown Webhook', RESTJSONErrorCodes.UnknownWebhook);
      if (s.length === 3) return only('POST', () => this.followup(interaction, body, request.query.get('wait') === 'true'));
      return this.webhookMessage(interaction, s[4] ?? '', method, body, request);
    }
    if (is('channels', '*', 'messages') || is('channels', '*', 'messages', '*')) {
      if (s[1] !== this.world.channelId) return error(404, 'Unknown Channel', RESTJSONErrorCodes.UnknownChannel);
      if (s.length === 3) {
        return only('POST', () => {
          const sent = this.store(body);
          this.posted.push(sent.id);
          return { status: 200, body: sent };
        });
      }
      return only('GET', () => {
        const stored = this.messages.get(s[3] ?? '');
        return stored ? { status: 200, body: stored } : error(404, 'Unknown Message', RESTJSONErrorCodes.UnknownMessage);
      });
    }
    if (is('applications', '*', 'commands') || is('applications', '*', 'guilds', '*', 'commands')) {
      if (s[1] !== this.world.applicationId) return error(404, 'Unknown Application', RESTJSONErrorCodes.UnknownApplication);
      if (s.length === 5 && s[3] !== this.world.guildId) return error(404, 'Unknown Guild', RESTJSONErrorCodes.UnknownGuild);
      return only('PUT', () => {
        const commands = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
        return { status: 200, body: commands.map((c) => ({ ...c, id: snowflake(), application_id: this.world.applicationId, version: snowflake() })) };
      });
    }
    return error(404, '404: Not Found', 0);
  }

  private interactionCallback(interaction: InteractionState, request: RecordedRequest): { status: number; body?: unknown } {
    const callback = request.body as RESTPostAPIInteractionCallbackJSONBody;
    const data = ('data' in callback ? (callback.data ?? {}) : {}) as Partial<APIMessage> & { choices?: { name: string; value: string }[] };
    switch (callback.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        interaction.originalId = this.store(data).id;
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        // Discord shows "thinking…" until the first edit.
        interaction.originalId = this.store({ content: '', flags: (data.flags ?? 0) | MessageFlags.Loading }).id;
        break;
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const target = interaction.componentMessageId ? this.messages.get(interaction.componentMessageId) : undefined;
        if (!target) return error(400, 'Interaction callback type only valid for component interactions', RESTJSONErrorCodes.InvalidFormBodyOrContentType);
        interaction.originalId = target.id;
        if (callback.type === InteractionResponseType.UpdateMessage) this.messages.set(target.id, edited(target, data));
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        interaction.choices = data.choices ?? [];
        break;
      default:
        break;
    }
    interaction.callbackType = callback.type;
    interaction.last = { via: 'callback', request };
    if (request.query.get('with_response') !== 'true') return { status: 204 };
    const original = interaction.originalId ? this.messages.get(interaction.originalId) : undefined;
    return { status: 200, body: { interaction: { id: interaction.id, type: interaction.type }, resource: { type: callback.type, ...(original ? { message: original } : {}) } } };
  }

  private followup(interaction: InteractionState, body: Partial<APIMessage>, wait: boolean): { status: number; body?: unknown } {
    if (interaction.callbackType === undefined) return error(404, 'Unknown Webhook', RESTJSONErrorCodes.UnknownWebhook);
    const sent = this.store(body);
    interaction.followupIds.push(sent.id);
    return wait ? { status: 200, body: sent } : { status: 204 };
  }

  private webhookMessage(interaction: InteractionState, target: string, method: string, body: Partial<APIMessage>, request: RecordedRequest): { status: number; body?: unknown } {
    const isOriginal = target === '@original' || target === interaction.originalId;
    const id = isOriginal ? interaction.originalId : interaction.followupIds.find((f) => f === target);
    const stored = id ? this.messages.get(id) : undefined;
    if (!stored) return error(404, 'Unknown Message', RESTJSONErrorCodes.UnknownMessage);
    if (method === 'GET') return { status: 200, body: stored };
    if (method === 'DELETE') {
      this.messages.delete(stored.id);
      return { status: 204 };
    }
    if (method !== 'PATCH') return error(405, '405: Method Not Allowed', 0);
    const updated = edited(stored, body);
    this.messages.set(stored.id, updated);
    if (isOriginal) interaction.last = { via: 'edit', request };
    return { status: 200, body: updated };
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

/**
 * A message after an edit (or a type 7 update): only the fields the edit carries change, and it is no
 * longer "thinking…". Its flags stay: as on Discord, an edit cannot make a shared message ephemeral
 * or an ephemeral one public.
 */
function edited(stored: APIMessage, body: Partial<APIMessage>): APIMessage {
  const changes = Object.fromEntries(EDITABLE.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
  const flags = (stored.flags ?? 0) & ~MessageFlags.Loading;
  return { ...stored, ...changes, flags, edited_timestamp: new Date().toISOString() };
}

/** The interaction was answered and its response is not left "thinking…". */
export function isAnswered(reply: Reply): boolean {
  return reply.callbackType !== undefined && ((reply.flags ?? 0) & MessageFlags.Loading) === 0;
}
