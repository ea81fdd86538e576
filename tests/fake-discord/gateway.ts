import type { Server } from 'node:http';
import { GatewayDispatchEvents, GatewayOpcodes, type GatewayDispatchPayload, type GatewayReceivePayload, type GatewaySendPayload } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreateData, readyData, type World } from './payloads.ts';
import { snowflake } from './snowflake.ts';

type Dispatch = Extract<GatewayDispatchPayload, { t: GatewayDispatchEvents }>;

/**
 * Discord's gateway for one shard: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats answered
 * with ACKs, RESUME replaying what was missed, and dispatches sent with increasing sequence numbers.
 */
export class FakeGateway {
  readonly identifies: GatewaySendPayload[] = [];
  readonly resumes: GatewaySendPayload[] = [];
  private readonly wss: WebSocketServer;
  private readonly live = new Set<WebSocket>();
  private readonly sent: { s: number; payload: Dispatch }[] = [];
  private sequence = 0;
  private readonly sessionId = `session-${snowflake()}`;
  private readonly readyWaiters: (() => void)[] = [];

  constructor(
    server: Server,
    private readonly world: World,
    private readonly url: () => string,
    private readonly heartbeatInterval: number,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  private accept(socket: WebSocket): void {
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null });
    socket.on('message', (raw) => this.receive(socket, JSON.parse(String(raw)) as GatewaySendPayload));
    socket.on('close', () => this.live.delete(socket));
  }

  private receive(socket: WebSocket, payload: GatewaySendPayload): void {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: undefined, s: null, t: null });
        break;
      case GatewayOpcodes.Identify:
        this.identifies.push(payload);
        this.live.add(socket);
        this.dispatchTo(socket, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Ready, s: 0, d: readyData(this.world, this.sessionId, this.url()) });
        this.dispatchTo(socket, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.GuildCreate, s: 0, d: guildCreateData(this.world) });
        this.readyWaiters.splice(0).forEach((wake) => wake());
        break;
      case GatewayOpcodes.Resume: {
        this.resumes.push(payload);
        if (payload.d.session_id !== this.sessionId) {
          this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
          break;
        }
        this.live.add(socket);
        const after = payload.d.seq;
        for (const missed of this.sent.filter((e) => e.s > after)) this.send(socket, missed.payload);
        this.dispatchTo(socket, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: 0, d: undefined } as Dispatch);
        this.readyWaiters.splice(0).forEach((wake) => wake());
        break;
      }
      default:
        break;
    }
  }

  private send(socket: WebSocket, payload: GatewayReceivePayload): void {
    socket.send(JSON.stringify(payload));
  }

  private dispatchTo(socket: WebSocket, payload: Dispatch): void {
    this.sequence += 1;
    const numbered = { ...payload, s: this.sequence } as Dispatch;
    this.sent.push({ s: this.sequence, payload: numbered });
    this.send(socket, numbered);
  }

  /** Sends an event to every identified connection (events sent while nobody is connected are replayed on RESUME). */
  dispatch(payload: Dispatch): void {
    if (this.live.size === 0) {
      this.sequence += 1;
      this.sent.push({ s: this.sequence, payload: { ...payload, s: this.sequence } as Dispatch });
      return;
    }
    for (const socket of this.live) this.dispatchTo(socket, payload);
  }

  /** Resolves once a client has identified or resumed (again). */
  ready(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Drops every connection with a close code; 4000 (unknown error) lets the client resume. */
  disconnect(code = 4000): void {
    for (const socket of this.live) socket.close(code, 'fake disconnect');
    this.live.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
