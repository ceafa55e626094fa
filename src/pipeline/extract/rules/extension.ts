/**
 * Telephone extension numbers printed with the responsible division:
 * `（内線2672）`, `(内線3982・3986)`, `（内線）２２９０`, `（3986）`.
 */
import { foldWidth } from '../../../lib/normalise.ts';

/** `（内線2672）`, `(内線3982・3986)`, `（3986）` inside a line. */
const EXTENSION =
  /[(（]{1,2}\s*[内內]線?\s*[^)）]*[)）]?|[内內]線\s*[(（][\d０-９、,・\s]+[)）]|[(（]\s*\d{3,5}(?:[・、,，]\s*\d{3,5})*\s*[)）]/gu;

/** An extension number alone on its line: `（内線2672）`, `(内線 3044、3389)`, `（内線）２２９０`. */
export const EXTENSION_ONLY =
  /^[(（]\s*[内內]線?\s*[^)）]*[)）]\s*[\d、,・\s]*$|^[内內]線\s*[(（][\d、,・\s]+[)）]$/u;

/** Remove extension numbers from a line. */
export function stripExtension(s: string): string {
  return s.replace(EXTENSION, '').replace(/\s+/gu, ' ').trim();
}

/** Does the line carry an extension number? */
export function hasExtension(s: string): boolean {
  return (
    /[内內]線|[(（]\s*内\s*\d/u.test(s) ||
    /[(（]\s*\d{4}(?:[・、,，]\s*\d{3,5})*\s*[)）]\s*$/u.test(foldWidth(s))
  );
}
