/** Numeric snowflake ids, increasing like Discord's (discord.js sorts and parses them as bigints). */
let next = 1_300_000_000_000_000_000n;

export function snowflake(): string {
  next += 1n;
  return next.toString();
}
