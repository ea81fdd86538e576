import type { ChatInputCommandInteraction, InteractionEditReplyOptions } from 'discord.js';
import type { Logger } from '../log.ts';

/** Discord rate-limits edits of one message to about five per five seconds. */
export const STREAM_EDIT_MS = 1000;

/**
 * Edits a deferred reply as a generation streams in, at most once per STREAM_EDIT_MS; updates in
 * between are dropped (the next edit shows the newest text). `finish` waits for the edit in flight so
 * the final reply is never overwritten by a late partial one.
 */
export class StreamingReply {
  private lastEdit = 0;
  private inFlight: Promise<unknown> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly interaction: ChatInputCommandInteraction,
    private readonly log: Logger,
  ) {}

  /** `reply` is only built when an edit is due: tokens arrive far more often than edits go out. */
  update(reply: () => InteractionEditReplyOptions): void {
    const now = Date.now();
    if (this.finished || now - this.lastEdit < STREAM_EDIT_MS) return;
    this.lastEdit = now;
    this.inFlight = this.interaction.editReply(reply()).catch((err: unknown) => this.log.warn({ err }, 'streaming edit failed'));
  }

  async finish(): Promise<void> {
    this.finished = true;
    await this.inFlight;
  }
}
