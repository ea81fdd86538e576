/** Per-user cooldown: a user may ask again only `seconds` after their last accepted question. */
export class Cooldowns {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds left to wait, or 0 when the user may go ahead (which starts a new cooldown). */
  take(userId: string): number {
    const t = this.now();
    const previous = this.last.get(userId);
    const wait = previous === undefined ? 0 : previous + this.seconds * 1000 - t;
    if (wait > 0) return Math.ceil(wait / 1000);
    this.last.set(userId, t);
    return 0;
  }
}
