/** Sentences of a document's text, and which sentences changed between two versions of it. */
import { titleKey } from './normalise.ts';

/** The sentences of a text: cut after 。 and at line ends, list marks and spaces trimmed. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=。)|\n+/u)
    .map((s) => s.replace(/^[\s・•○●◆◇■□▪▶➢\-*]+/u, '').trim())
    .filter((s) => s.length > 0);
}

/** Sentences added and removed from one text to the next (compared without spaces and width). */
export function sentenceChanges(before: string, after: string) {
  const was = sentences(before);
  const now = sentences(after);
  const wasKeys = new Set(was.map(titleKey));
  const nowKeys = new Set(now.map(titleKey));
  return {
    added: now.filter((s) => !wasKeys.has(titleKey(s))),
    removed: was.filter((s) => !nowKeys.has(titleKey(s))),
  };
}
