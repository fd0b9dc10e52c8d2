// What several runbook rules share: a step's name in messages, the catalog matches in its
// `run` (file spans), and edits that add keys to a block-style step without touching the rest.
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { Config, LocalText } from '../../config';
import { DangerMatch, matchDanger, spanInScalar } from '../../danger';
import type { Step } from '../../model/runbook';
import { getPair, pairsOf, SourceFile } from '../../source';
import { eolOf, Span, TextEdit } from '../../text';

/** `step "snapshot"`, or `step 3` when it has no id. */
export function stepName(step: Step): LocalText {
  return step.id
    ? { en: `step "${step.id.value}"`, ko: `단계 "${step.id.value}"` }
    : { en: `step ${step.index + 1}`, ko: `${step.index + 1}번째 단계` };
}

/** Where a finding about a whole step goes: its id, else its first key. */
export function stepHead(step: Step): Span {
  if (step.id) return step.id.span;
  const first = pairsOf(step.node)[0];
  return first?.key && (first.key as Node).range ? [(first.key as Node).range![0], (first.key as Node).range![1]] : step.span;
}

export interface StepDanger extends DangerMatch { span: Span }

const cache = new WeakMap<object, { config: Config; matches: StepDanger[] }>();

/** Catalog and team matches in the step's `run`, each with its span in the file. */
export function dangerIn(file: SourceFile, step: Step, config: Config): StepDanger[] {
  const hit = cache.get(step.node);
  if (hit && hit.config === config) return hit.matches;
  const runNode = getPair(step.node, 'run')?.value;
  const matches = step.run && isScalar(runNode)
    ? matchDanger(step.run.value, config).map((m) => ({ ...m, span: spanInScalar(file.text, runNode, step.run!.value, m.start, m.end) }))
    : [];
  cache.set(step.node, { config, matches });
  return matches;
}

/** Dangerous by the catalog or by its own `danger: true`. */
export function isDangerous(file: SourceFile, step: Step, config: Config): boolean {
  return step.danger?.value === true || dangerIn(file, step, config).length > 0;
}

/** A value a fix wrote on purpose for a person to fill in, like `<role>`. */
export function isPlaceholderValue(value: string): boolean { return /^<[^<>]*>$/.test(value.trim()); }

/** A short quote of matched text for a message: one line, at most 60 characters. */
export function quote(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/**
 * Edits that give the step each `key: value`: a key that is there with an empty value gets the
 * value, a missing key becomes a new line after the step's last key, at the step's indentation
 * and with the file's line breaks. Undefined for flow-style steps (`- {id: a}`), which we leave
 * to the person rather than rewrite.
 */
export function setStepKeys(file: SourceFile, step: Step, entries: [string, string][]): TextEdit[] | undefined {
  const node = step.node;
  if (node.flow || !isMap(node)) return undefined;
  const pairs = pairsOf(node);
  const firstKey = pairs[0]?.key as Node | undefined;
  if (!firstKey?.range) return undefined;
  const indent = ' '.repeat(file.lines.position(firstKey.range[0]).character);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const [key, value] of entries) {
    const pair = getPair(node, key);
    if (!pair) { added.push(`${key}: ${value}`); continue; }
    const keyEnd = (pair.key as Node).range?.[1];
    if (keyEnd === undefined) return undefined;
    const colon = file.text.indexOf(':', keyEnd);
    const v = pair.value as Node | null;
    const vr = v?.range;
    // An empty or null value: write ours right after the colon, keeping any comment after it.
    const emptyValue = !v || (isScalar(v) && (v.value === null || v.value === ''));
    if (colon < 0 || !emptyValue) {
      if (vr && isScalar(v)) edits.push({ span: [vr[0], vr[1]], newText: value });
      continue;
    }
    const end = vr && vr[1] > colon && file.text.slice(colon + 1, vr[1]).trim() !== '' ? vr[1] : colon + 1;
    edits.push({ span: [colon + 1, end], newText: ` ${value}` });
  }
  if (added.length) {
    const at = endOfStep(file, step);
    const eol = eolOf(file.text);
    edits.push({ span: [at, at], newText: added.map((l) => `${eol}${indent}${l}`).join('') });
  }
  return edits;
}

/** The end of the line holding the step's last character (before its line break, after any comment). */
function endOfStep(file: SourceFile, step: Step): number {
  const pairs = pairsOf(step.node);
  const last = pairs[pairs.length - 1];
  const keyEnd = (last.key as Node).range?.[1] ?? step.span[1];
  const valueEnd = (last.value as Node | null)?.range?.[1] ?? keyEnd;
  let end = Math.max(keyEnd, valueEnd);
  // Block scalars end after their last line break: step back to the last character written.
  while (end > keyEnd && /\s/.test(file.text[end - 1])) end--;
  return file.lines.lineEnd(file.lines.position(end - 1).line);
}

/** The key is there with something in it (a wrong type counts: the schema rule reports that). */
export function hasValue(step: Step, key: string): boolean {
  const pair = getPair(step.node, key);
  if (!pair) return false;
  const v = pair.value as Node | null;
  if (!v) return false;
  if (isScalar(v)) return v.value !== null && String(v.value).trim() !== '';
  return true;
}
