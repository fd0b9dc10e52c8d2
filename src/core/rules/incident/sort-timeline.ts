// The "Sort the timeline by time" fix. Each entry moves as one block of lines: the comment
// lines directly above its dash, its own lines, and the comments and blank lines that
// follow it. Blocks are sorted stably and written back; no byte inside a block changes.
import { isSeq } from 'yaml';
import type { Incident } from '../../model/incident';
import { dashBefore } from '../../segments';
import { getPair } from '../../source';
import { eolOf, TextEdit } from '../../text';

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';
const isComment = (line: string): boolean => line.trimStart().startsWith('#');

/** The line of each entry's dash, when the timeline is a block list of entries with readable times, one after another. */
function dashLinesOf(inc: Incident): number[] | undefined {
  const seq = getPair(inc.root, 'timeline')?.value;
  if (!isSeq(seq) || seq.flow || seq.items.length < 2) return undefined;
  const entries = inc.timeline;
  // Every item must be an entry with a readable time, or the order cannot be decided.
  if (entries.length !== seq.items.length || entries.some((e) => e.at?.time === undefined)) return undefined;
  const { text, lines } = inc.file;
  const dashLines: number[] = [];
  for (const e of entries) {
    const dash = dashBefore(text, e.span[0]);
    if (dash === undefined) return undefined;
    dashLines.push(lines.position(dash).line);
  }
  const dashIndent = indentOf(lines.lineText(dashLines[0]));
  if (dashLines.some((l, k) => (k > 0 && l <= dashLines[k - 1]) || indentOf(lines.lineText(l)) !== dashIndent)) return undefined;
  return dashLines;
}

/** Whether the timeline can be sorted safely (the cheap part of the fix, decided before offering it). */
export function canSortTimeline(inc: Incident): boolean { return dashLinesOf(inc) !== undefined; }

/** One edit that reorders the timeline, or undefined when it cannot be done safely or is already sorted. */
export function sortTimelineEdit(inc: Incident): TextEdit | undefined {
  const dashLines = dashLinesOf(inc);
  if (!dashLines) return undefined;
  const entries = inc.timeline;
  const { text, lines } = inc.file;
  const dashIndent = indentOf(lines.lineText(dashLines[0]));

  // Each block starts at the comment lines directly above its dash.
  const starts = dashLines.map((l) => {
    let s = l;
    while (s - 1 >= 0 && isComment(lines.lineText(s - 1)) && indentOf(lines.lineText(s - 1)) <= dashIndent) s--;
    return s;
  });

  // The last block runs to the end of the last entry (a comment line at any column may sit between
  // its keys), then over lines that are blank or indented deeper than the dash, up to its last non-blank one.
  const last = entries[entries.length - 1].span;
  let end = last[1];
  while (end > last[0] && /\s/.test(text[end - 1])) end--;
  let lastLine = Math.max(dashLines[dashLines.length - 1], lines.position(end - 1).line);
  for (let l = lastLine + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (isBlank(t)) continue;
    if (indentOf(t) <= dashIndent) break;
    lastLine = l;
  }
  const lineStart = (l: number): number => (l < lines.lineCount ? lines.lineStarts[l] : text.length);
  const regionStart = lineStart(starts[0]);
  const regionEnd = lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1] : text.length;
  const eol = eolOf(text);
  const blocks = entries.map((e, k) => ({
    ms: e.at!.time!.ms,
    k,
    text: text.slice(lineStart(starts[k]), k + 1 < entries.length ? lineStart(starts[k + 1]) : regionEnd),
  }));
  // A file whose last line has no break: give the last block one while it moves, take it off the new last.
  const noFinalBreak = !blocks[blocks.length - 1].text.endsWith('\n');
  if (noFinalBreak) blocks[blocks.length - 1].text += eol;
  const sorted = [...blocks].sort((a, b) => a.ms - b.ms || a.k - b.k);
  if (sorted.every((b, k) => b.k === k)) return undefined;
  let out = sorted.map((b) => b.text).join('');
  if (noFinalBreak) out = out.slice(0, out.length - eol.length);
  return { span: [regionStart, regionEnd], newText: out };
}
