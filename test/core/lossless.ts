// What every write must keep, checked the same way for each builder and fix: the lines it does
// not touch stay whole and byte for byte, every comment survives, the result parses, and the
// file keeps its line breaks.
import * as assert from 'node:assert/strict';
import { CST, Lexer, parseDocument } from 'yaml';
import { parseSource } from '../../src/core/source';
import { applyEdits, TextEdit } from '../../src/core/text';

/** The comments of a YAML text, in order, as the yaml lexer finds them (block scalar text is not one). */
export function comments(text: string): string[] {
  const out: string[] = [];
  for (const tok of new Lexer().lex(text)) if (CST.tokenType(tok) === 'comment') out.push(tok);
  return out;
}

/** Lines with their line breaks, so two lines are equal only when their breaks are too. */
export function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export const toJS = (text: string): Record<string, unknown> => (parseDocument(text, { version: '1.2' }).toJS() ?? {}) as Record<string, unknown>;

export interface Keep {
  /** `same`: the same comments in the same order; `moved`: the same comments, order free; `added`: these more. */
  comments?: 'same' | 'moved' | { added: number };
  /** The edits only insert: each line they touch must still be there as a whole line. */
  insertOnly?: boolean;
  fileName?: string;
}

/** Applies the edits, asserts what every write keeps, and returns the new text. */
export function checkWrite(before: string, edits: readonly TextEdit[], keep: Keep = {}): string {
  const after = applyEdits(before, edits);
  const show = `\n--- before:\n${JSON.stringify(before)}\n--- after:\n${JSON.stringify(after)}`;
  const start = Math.min(...edits.map((e) => e.span[0]));
  const end = Math.max(...edits.map((e) => e.span[1]));

  // Lines wholly before the first edit (with their break) and wholly after the last stay as they were.
  const old = linesOf(before);
  const neu = linesOf(after);
  let prefix = 0;
  for (let pos = 0; prefix < old.length && pos + old[prefix].length <= start && /[\r\n]$/.test(old[prefix]); prefix++) pos += old[prefix].length;
  let suffix = 0;
  for (let pos = before.length; old.length - 1 - suffix >= prefix && pos - old[old.length - 1 - suffix].length >= end; suffix++) pos -= old[old.length - 1 - suffix].length;
  assert.deepEqual(neu.slice(0, prefix), old.slice(0, prefix), `a line before the edit changed${show}`);
  if (suffix) assert.deepEqual(neu.slice(neu.length - suffix), old.slice(old.length - suffix), `a line after the edit changed${show}`);
  if (keep.insertOnly) {
    // A touched line may gain a break or have lines put after it, but it stays a whole line.
    const bare = (l: string) => l.replace(/\r?\n$|\r$/, '');
    let at = prefix;
    for (const line of old.slice(prefix, old.length - suffix)) {
      while (at < neu.length && bare(neu[at]) !== bare(line)) at++;
      assert.ok(at < neu.length, `the line ${JSON.stringify(line)} did not stay whole${show}`);
      at++;
    }
  }

  const was = comments(before);
  const now = comments(after);
  const mode = keep.comments ?? 'same';
  if (mode === 'same') assert.deepEqual(now, was, `comments changed${show}`);
  else if (mode === 'moved') assert.deepEqual([...now].sort(), [...was].sort(), `comments changed${show}`);
  else assert.equal(now.length, was.length + mode.added, `comments lost or added${show}`);
  if (typeof mode === 'object') for (const c of was) assert.ok(now.includes(c), `comment ${c} lost${show}`);

  const src = parseSource(after, keep.fileName ?? 'x.incident.yaml');
  assert.deepEqual(src.yamlErrors.map((e) => e.message), [], `no longer parses${show}`);

  // An LF file gets no CR; a CR LF file gets no bare LF.
  if (!before.includes('\r')) assert.ok(!after.includes('\r'), `a CR came into an LF file${show}`);
  if (before.includes('\r\n') && !/(^|[^\r])\n/.test(before)) assert.ok(!/(^|[^\r])\n/.test(after), `a bare LF came into a CR LF file${show}`);
  return after;
}

/**
 * Whether `small` is still all there in `big`: maps keep every key (a null may have been
 * filled in), lists keep their items in order (more may stand between them).
 */
export function grewFrom(small: unknown, big: unknown): boolean {
  if (small === null || small === undefined) return true;
  if (Array.isArray(small)) {
    if (!Array.isArray(big)) return false;
    let j = 0;
    for (const item of small) {
      while (j < big.length && !grewFrom(item, big[j])) j++;
      if (j === big.length) return false;
      j++;
    }
    return true;
  }
  if (typeof small === 'object') {
    if (!big || typeof big !== 'object' || Array.isArray(big)) return false;
    return Object.entries(small).every(([k, v]) => k in big && grewFrom(v, (big as Record<string, unknown>)[k]));
  }
  return small === big;
}
