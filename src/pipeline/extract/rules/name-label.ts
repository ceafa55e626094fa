/** The `施策名：` label that names a measure on the form sheets (the name may be missing: an image). */

/** `施策名：…`, `施 策 名 ：…` */
export const NAME_LABEL = /施\s*策\s*名\s*[:：]/u;

/** The name after a `施策名：` label ('' when the label stands alone), or null when the line has none. */
export function readNameLabel(line: string, tidy: (s: string) => string): string | null {
  const m = /施\s*策\s*名\s*[:：]\s*(.*)$/u.exec(line);
  return m ? tidy(m[1]!) : null;
}
