import { NATIONAL, placesIn } from '../corpus/scope.ts';

export { placesIn };

/** How much a passage counts when its rule applies elsewhere than the question asks (see scopeFactor). */
const OTHER_PLACE = 0.6;
const PROVINCIAL_WITHOUT_PLACE = 0.75;
const NATIONAL_WHEN_PLACE_NAMED = 0.9;

/** Whether a rule of that scope binds where the question asks (any place when it names none). */
export function appliesIn(scope: string, places: readonly string[]): boolean {
  return places.length === 0 || scope === NATIONAL || places.includes(scope);
}

/**
 * How much a passage counts for a question, by where its rule applies: a question naming a place
 * prefers that place's rules, then national ones (which bind there too); one naming none prefers
 * national rules, which bind everywhere.
 */
export function scopeFactor(scope: string, places: readonly string[]): number {
  if (places.length) return places.includes(scope) ? 1 : scope === NATIONAL ? NATIONAL_WHEN_PLACE_NAMED : OTHER_PLACE;
  return scope === NATIONAL ? 1 : PROVINCIAL_WITHOUT_PLACE;
}
