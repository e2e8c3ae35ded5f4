/** The source text with the words that state the selected facts highlighted. */
import type { Quote, SourceText } from './queries.js';

/** Renders `source` with each quote marked; `primary` quotes (the entity's own mentions) stand out. */
export function renderSource(
  container: HTMLElement,
  title: HTMLElement,
  source: SourceText,
  quotes: Quote[],
  primary: Quote[],
): void {
  // a source without a headline is named by its key and publisher, never by an invented title
  title.textContent = `Source: ${source.title ?? [source.key, source.publisher].filter(Boolean).join(', ')}`;
  const spans = quotes
    .filter((q) => q.source.key === source.key)
    .map((q) => ({ start: q.start, end: q.end, selected: primary.includes(q) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // merge overlaps, keeping a span "selected" when any part of it is
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.selected ||= span.selected;
    } else merged.push({ ...span });
  }
  container.replaceChildren();
  let at = 0;
  for (const span of merged) {
    container.append(document.createTextNode(source.text.slice(at, span.start)));
    const mark = document.createElement('mark');
    mark.textContent = source.text.slice(span.start, span.end);
    if (span.selected) mark.className = 'selected';
    container.append(mark);
    at = span.end;
  }
  container.append(document.createTextNode(source.text.slice(at)));
  // the text scrolls in its own box, to its first quote; the page itself stays where the reader is
  const first = container.querySelector('mark');
  // (the box is positioned, so a mark's offsetTop is measured from its top)
  container.scrollTop = first ? Math.max(0, first.offsetTop - 24) : 0;
}
