import { NATIONAL, placesIn } from '../corpus/scope.ts';

export { placesIn };

/** How much a passage counts when its rule applies elsewhere than the question asks (see scopeFactor). */
const OTHER_PLACE = 0.6;
const PROVINCIAL_WITHOUT_PLACE = 0.75;

/**
 * How much a passage counts for a question, by where its rule applies: a question naming a place
 * prefers that place's rules (national ones still bind there); one naming none prefers national
 * rules, which bind everywhere.
 */
/** Whether a rule of that scope binds where the question asks (any place when it names none). */
export function appliesIn(scope: string, places: readonly string[]): boolean {
  return places.length === 0 || scope === NATIONAL || places.includes(scope);
}

export function scopeFactor(scope: string, places: readonly string[]): number {
  if (places.length) return places.includes(scope) || scope === NATIONAL ? 1 : OTHER_PLACE;
  return scope === NATIONAL ? 1 : PROVINCIAL_WITHOUT_PLACE;
}
