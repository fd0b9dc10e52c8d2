// Where the cursor is in YAML terms: the key path and whether it sits on a key or a value.
// On a key or value of a file that parses, the tree says (ast-path.ts). Otherwise the lines
// do: the moment completion is asked for, the line is half typed (`    kind: `, `  - `) and
// the tree is broken or has nothing there, but block-style YAML is structured by
// indentation, which survives every half-typed state.
import type { SourceFile } from '../source';
import { astPathAt } from './ast-path';
import type { Span } from '../text';

export type PathPart = string | number;

export interface PathAt {
  /** On a key: the map's path plus the key as typed so far. On a value: the path of the value. */
  path: PathPart[];
  on: 'key' | 'value';
  /** The token at the cursor, to be replaced by a completion (empty at the cursor when nothing is typed). */
  span: Span;
  /** The token's text before the cursor. */
  prefix: string;
  /** The whole token, quotes removed. */
  text: string;
  /** A word with no colon after it: a key being typed, or a plain list item. */
  bare?: boolean;
  /** The cursor follows the colon directly, so an inserted value needs a leading space. */
  needsSpace?: boolean;
  /** Other keys of the map the cursor is in (on a key). */
  siblings: string[];
  /** Column of the key at the cursor (or where one would start), for indenting inserted lines. */
  column: number;
}

interface Frame { col: number; kind: 'key' | 'item'; name: PathPart }

const KEY = /^("[^"]*"|'[^']*'|[^\s:#"'[\]{},][^:#]*?)\s*:(?=\s|$)/;

interface LineParse {
  indent: number;
  /** Columns of the `- ` markers, left to right. */
  dashes: number[];
  /** Column where content after the dashes starts. */
  contentCol: number;
  key?: { name: string; col: number; colon: number };
  /** Content after the key's colon (or after the dashes for a plain item), comment removed. */
  value: { start: number; text: string };
}

function stripComment(s: string): string {
  // A `#` starts a comment only after whitespace; quotes are rare enough in keys and ids to ignore.
  const m = /(^|\s)#/.exec(s);
  return (m ? s.slice(0, m.index + m[1].length) : s).replace(/\s+$/, '');
}

function parseLine(line: string): LineParse {
  const indent = line.length - line.trimStart().length;
  let pos = indent;
  const dashes: number[] = [];
  while (line[pos] === '-' && (pos + 1 >= line.length || line[pos + 1] === ' ' || line[pos + 1] === '\t')) {
    dashes.push(pos);
    pos++;
    while (line[pos] === ' ' || line[pos] === '\t') pos++;
  }
  const rest = line.slice(pos);
  const m = KEY.exec(rest);
  if (m) {
    const colon = pos + m[0].length - 1;
    let start = colon + 1;
    while (line[start] === ' ' || line[start] === '\t') start++;
    return { indent, dashes, contentCol: pos, key: { name: unquote(m[1]), col: pos, colon }, value: { start, text: stripComment(line.slice(start)) } };
  }
  return { indent, dashes, contentCol: pos, value: { start: pos, text: rest.trimStart().startsWith('#') ? '' : stripComment(rest) } };
}

function unquote(s: string): string {
  return (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) ? s.slice(1, -1) : s;
}

function isStructural(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#') && t !== '---' && !t.startsWith('%');
}

/** Pushes a line's dashes and key onto the stack of open frames. */
function enter(stack: Frame[], p: LineParse): void {
  for (const col of p.dashes) {
    let index = 0;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.col > col) { stack.pop(); continue; }
      if (top.col === col && top.kind === 'item') { index = (top.name as number) + 1; stack.pop(); }
      break;
    }
    stack.push({ col, kind: 'item', name: index });
  }
  if (p.key) {
    while (stack.length && stack[stack.length - 1].col >= p.key.col) stack.pop();
    stack.push({ col: p.key.col, kind: 'key', name: p.key.name });
  }
}

/** Column past which following lines are scalar content, not structure; -1 when none. */
function contentDepth(p: LineParse): number {
  if (p.value.text === '') return -1;
  if (p.key) return p.key.col;
  return p.dashes.length ? p.dashes[p.dashes.length - 1] : p.indent;
}

export function pathAt(file: SourceFile, offset: number): PathAt {
  return astPathAt(file, offset) ?? linePathAt(file, offset);
}

/** The path from the lines alone: indentation, dashes and colons. */
export function linePathAt(file: SourceFile, offset: number): PathAt {
  const pos = file.lines.position(offset);
  const lines = file.text.split(/\r\n|\r|\n/); // the LineIndex's lines: a lone CR ends one too
  const stack: Frame[] = [];
  let skipDeeper = -1;
  for (let i = 0; i < pos.line && i < lines.length; i++) {
    const line = lines[i];
    if (!isStructural(line)) continue;
    const p = parseLine(line);
    if (skipDeeper >= 0 && p.indent > skipDeeper) continue;
    enter(stack, p);
    skipDeeper = contentDepth(p);
  }
  const line = lines[pos.line] ?? '';
  const col = Math.min(pos.character, line.length);
  const lineStart = offset - col;
  const p = parseLine(line);
  const names = (): PathPart[] => stack.map((f) => f.name);

  // A deeper line under a scalar is more of that scalar (a folded paragraph, a block text).
  if (skipDeeper >= 0 && line.trim() !== '' && p.indent > skipDeeper && stack.length && stack[stack.length - 1].kind === 'key') {
    return { path: names(), on: 'value', span: [offset, offset], prefix: '', text: '', siblings: [], column: p.indent };
  }
  if (line.slice(0, col).trim() === '') {
    // Blank up to the cursor: a new key at this column, in whatever map the column belongs to.
    while (stack.length && stack[stack.length - 1].col >= col) stack.pop();
    const siblings = siblingKeys(lines, pos.line, col);
    return { path: [...names(), ''], on: 'key', span: [offset, offset], prefix: '', text: '', siblings, column: col };
  }
  enter(stack, p);
  if (p.key && col > p.key.colon) {
    const path = names();
    const v = p.value;
    if (v.text.startsWith('[') && col > v.start) return flowItem(path, line, v.start, col, lineStart, p.key.col);
    const span: Span = col <= v.start && v.text === ''
      ? [offset, offset]
      : [lineStart + v.start, lineStart + Math.max(col, v.start + v.text.length)];
    const prefix = line.slice(v.start, Math.max(v.start, col)).replace(/^["']/, '');
    return {
      path, on: 'value', span, prefix: unquote(prefix), text: unquote(v.text), siblings: [], column: p.key.col,
      needsSpace: col === p.key.colon + 1 && (line[col] === undefined || line[col] !== ' ') && v.text === '',
    };
  }
  if (p.key) {
    // On the key itself.
    const keyEnd = line.indexOf(':', p.key.col);
    const siblings = siblingKeys(lines, pos.line, p.key.col).filter((k) => k !== p.key?.name);
    return {
      path: names(), on: 'key', span: [lineStart + p.key.col, lineStart + keyEnd],
      prefix: line.slice(p.key.col, col), text: p.key.name, siblings, column: p.key.col,
    };
  }
  // A word without a colon: a key being typed, or a plain list item.
  const start = p.contentCol;
  const word = /^[^\s#]*/.exec(line.slice(start))?.[0] ?? '';
  const end = Math.max(col, start + word.length);
  while (stack.length && stack[stack.length - 1].col >= start) stack.pop();
  const siblings = siblingKeys(lines, pos.line, start);
  return {
    path: [...names(), line.slice(start, end)], on: 'key', bare: true, span: [lineStart + start, lineStart + end],
    prefix: line.slice(start, Math.max(start, col)), text: line.slice(start, end).trim(), siblings, column: start,
  };
}

function flowItem(path: PathPart[], line: string, start: number, col: number, lineStart: number, column: number): PathAt {
  let index = 0;
  let itemStart = start + 1;
  for (let i = start + 1; i < col; i++) {
    if (line[i] === ',') { index++; itemStart = i + 1; }
  }
  let itemEnd = itemStart;
  while (itemEnd < line.length && line[itemEnd] !== ',' && line[itemEnd] !== ']') itemEnd++;
  const raw = line.slice(itemStart, itemEnd);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const s = itemStart + lead;
  const span: Span = text ? [lineStart + s, lineStart + s + text.length] : [lineStart + col, lineStart + col];
  return {
    path: [...path, index], on: 'value', span, prefix: unquote(line.slice(s, Math.max(s, col))), text: unquote(text),
    siblings: [], column,
  };
}

/**
 * Keys at `col` in the map around line `at`: upwards to the line that opened the map (a dash
 * leading to `col`, or anything shallower) and downwards to the next item or dedent.
 */
function siblingKeys(lines: string[], at: number, col: number): string[] {
  const keys: string[] = [];
  const own = parseLine(lines[at] ?? '');
  const startsItem = own.dashes.length > 0 && own.contentCol === col;
  if (!startsItem) {
    for (let i = at - 1; i >= 0; i--) {
      if (!isStructural(lines[i])) continue;
      const p = parseLine(lines[i]);
      if (p.indent > col) continue;
      if (p.key && p.key.col === col) keys.push(p.key.name);
      if (p.indent < col) break;
    }
  }
  for (let i = at + 1; i < lines.length; i++) {
    if (!isStructural(lines[i])) continue;
    const p = parseLine(lines[i]);
    if (p.indent > col) continue;
    if (p.indent < col) break;
    if (p.dashes.length) break;
    if (p.key) keys.push(p.key.name);
  }
  return keys;
}
