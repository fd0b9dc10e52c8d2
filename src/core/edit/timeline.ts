// "Log Entry Now": the text edit that appends one entry to `timeline:`. It goes right after
// the last entry, wherever the timeline sits in the file, in the layout the file already
// uses (dash column, key column, flow or block, line breaks); every other byte stays.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { asMap, getPair, parseSource, scalarText as readScalar, SourceFile } from '../source';
import { eolOf } from '../text';
import { formatInZone, isValidZone } from '../time';
import { afterColon, columnOf, detectIndent, editBlocker, EditResult, flowMapText, insertionAfter, lastItemLayout, scalarText } from './layout';
import { insertKeyLineIn } from './map';

export interface NewEntry {
  at: string;
  kind: string;
  text: string;
  /** The maintenance window the entry belongs to; written after `kind`, as the format's examples do. */
  window?: string;
  /** Further keys after `text`, in order, e.g. `why`, `by`. */
  extra?: readonly (readonly [string, string])[];
}

function entryFields(e: NewEntry): [string, string][] {
  const window: [string, string][] = e.window ? [['window', e.window]] : [];
  return [['at', e.at], ['kind', e.kind], ...window, ['text', e.text], ...(e.extra ?? []).map(([k, v]) => [k, v] as [string, string])];
}

/** The entry as block lines, `- at: ...` then the other keys under `at`. */
function blockEntry(e: NewEntry, dashCol: number, keyGap: number): string[] {
  const fields = entryFields(e);
  return fields.map(([k, v], i) => {
    const lead = i === 0 ? `${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, keyGap - 1))}` : ' '.repeat(dashCol + Math.max(2, keyGap));
    return `${lead}${k}: ${scalarText(v)}`;
  });
}

export function appendTimelineEntry(text: string, entry: NewEntry, fileName = 'file.incident.yaml'): EditResult {
  return appendTimelineEntryIn(parseSource(text, fileName, 'incident'), entry);
}

export function appendTimelineEntryIn(src: SourceFile, entry: NewEntry): EditResult {
  const blocked = editBlocker(src);
  if (blocked) return { ok: false, problem: blocked };
  const { text, lines, doc } = src;
  const eol = eolOf(text);
  const indent = detectIndent(doc, lines);
  const root = doc.contents;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) return { ok: false, problem: 'not-a-map' };
  if (isMap(root) && root.flow) return { ok: false, problem: 'flow-layout' };
  const pair = getPair(asMap(root), 'timeline') as Pair<Node, Node | null> | undefined;

  if (!pair) {
    // A log without a timeline gets one at its end, its list indented as the file's other lists.
    return insertKeyLineIn(src, [], 'timeline', blockEntry(entry, 0, indent.item), indent.seq);
  }

  const keyNode = pair.key;
  const keyCol = columnOf(lines, keyNode.range?.[0] ?? 0);
  const value = pair.value;

  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const { last, dashCol, gap: keyGap } = lastItemLayout(value, keyCol, indent, lines);
    const body = isMap(last) && last.flow
      ? [`${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, keyGap - 1))}${flowMapText(entryFields(entry))}`]
      : blockEntry(entry, dashCol, keyGap);
    const { at, leadingBreak } = insertionAfter(text, lines, last.range?.[1] ?? value.range?.[1] ?? text.length);
    const joined = body.join(eol);
    const newText = leadingBreak ? eol + joined : joined + eol;
    return { ok: true, edit: { span: [at, at], newText }, caret: at + (leadingBreak ? newText.length : joined.length) };
  }

  if (isSeq(value) && value.flow) {
    const close = (value.range?.[1] ?? 0) - 1;
    if (text[close] !== ']') return { ok: false, problem: 'flow-layout' };
    if (value.items.length > 0) {
      const body = text.slice(value.range![0] + 1, close);
      const trimmed = body.replace(/[\s,]*$/, '');
      const newText = `${trimmed}, ${flowMapText(entryFields(entry))}${body.slice(body.trimEnd().length)}`;
      const span = [value.range![0] + 1, close] as const;
      return { ok: true, edit: { span, newText }, caret: span[0] + trimmed.length + 2 + flowMapText(entryFields(entry)).length };
    }
    // `timeline: []` becomes a block list; a comment after `[]` stays on the key's line.
    return openBlock(text, lines, eol, keyNode, value.range![1], keyCol + indent.seq, indent.item, entry);
  }

  if (value === null || (isScalar(value) && value.value === null)) {
    const written = isScalar(value) && value.source ? value.range?.[1] : undefined;
    return openBlock(text, lines, eol, keyNode, written, keyCol + indent.seq, indent.item, entry);
  }
  return { ok: false, problem: 'not-a-list' };
}

function openBlock(
  text: string, lines: SourceFile['lines'], eol: string, keyNode: Node, valueEnd: number | undefined,
  dashCol: number, keyGap: number, entry: NewEntry,
): EditResult {
  const colon = afterColon(text, keyNode.range?.[1] ?? 0);
  const end = Math.max(valueEnd ?? colon, colon);
  const lineEnd = lines.lineEnd(lines.position(end).line);
  const rest = text.slice(end, lineEnd).replace(/^[ \t]+$/, '');
  const joined = blockEntry(entry, dashCol, keyGap).join(eol);
  const newText = rest + eol + joined;
  return { ok: true, edit: { span: [colon, lineEnd], newText }, caret: colon + newText.length };
}

/** The timeline `at` for now: the zone's wall clock with its offset, seconds when the file uses them. */
export function entryTimestamp(nowMs: number, zone: string, withSeconds = false): string {
  const z = isValidZone(zone) ? zone : 'UTC';
  return formatInZone(nowMs, z, withSeconds ? "yyyy-MM-dd'T'HH:mm:ssXXX" : "yyyy-MM-dd'T'HH:mmXXX");
}

/** What a file already says about itself that shapes a new entry: its zone and its `at` style. */
export function timelineStyle(src: SourceFile): { zone?: string; seconds: boolean } {
  const root = asMap(src.doc.contents);
  const zone = readScalar(getPair(root, 'timezone')?.value);
  const tl = getPair(root, 'timeline')?.value;
  let seconds = false;
  if (isSeq(tl) && tl.items.length) {
    const at = readScalar(getPair(asMap(tl.items[tl.items.length - 1]), 'at')?.value);
    seconds = !!at && /T?\d{2}:\d{2}:\d{2}/.test(at);
  }
  return { zone: zone && isValidZone(zone) ? zone : undefined, seconds };
}

/**
 * The id of the one maintenance window still open (no `end`), which a new entry belongs to.
 * With none or several open, no window is guessed.
 */
export function openWindowId(src: SourceFile): string | undefined {
  const m = getPair(asMap(src.doc.contents), 'maintenance')?.value;
  if (!isSeq(m)) return undefined;
  const open = m.items.map(asMap).filter((w) => w && !readScalar(getPair(w, 'end')?.value));
  if (open.length !== 1) return undefined;
  const id = readScalar(getPair(open[0], 'id')?.value);
  return id && /^[a-z0-9][a-z0-9._-]*$/.test(id) ? id : undefined;
}
