/** Highlight the line range given as ?lines=120-160 on a source-text page (the #L120 anchor scrolls there). */
export function highlightLines(): void {
  const m = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get('lines') ?? '');
  if (!m) return;
  const first = Number(m[1]);
  const last = Math.min(Number(m[2]), first + 2000);
  for (let n = first; n <= last; n++) document.getElementById(`L${n}`)?.classList.add('hl');
}
