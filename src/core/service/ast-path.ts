// The cursor's path read from the parsed tree, for files that parse cleanly: exact for flow
// collections over several lines, flow maps and quoted keys, which the line reader does not
// follow. On empty values and anywhere the tree has nothing under the cursor it gives up,
// and pathAt reads the lines instead.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { keyName, scalarText, SourceFile } from '../source';
import type { PathAt, PathPart } from './path';

const contains = (n: Node | null | undefined, offset: number): boolean =>
  !!n?.range && n.range[0] <= offset && offset <= n.range[1] && n.range[1] > n.range[0];

export function astPathAt(file: SourceFile, offset: number): PathAt | undefined {
  if (file.yamlErrors.length) return undefined;
  const path: PathPart[] = [];
  let node = file.doc.contents as Node | null;
  for (let depth = 0; node && depth < 64; depth++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const name = keyName(pair);
        if (name === undefined) continue;
        if (contains(key, offset) && isScalar(key)) {
          const siblings = node.items.flatMap((p) => isPair(p) && p !== pair ? [keyName(p)].filter((k): k is string => !!k) : []);
          return scalarAt(file, key, offset, [...path, name], 'key', siblings);
        }
        if (contains(pair.value as Node, offset)) { path.push(name); next = pair.value as Node; break; }
      }
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => contains(item as Node, offset));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i] as Node;
    } else if (isScalar(node)) {
      return scalarAt(file, node, offset, path, 'value', []);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function scalarAt(file: SourceFile, node: Node, offset: number, path: PathPart[], on: 'key' | 'value', siblings: string[]): PathAt | undefined {
  const [start, end] = node.range as [number, number, number];
  const text = scalarText(node);
  if (text === undefined) return undefined;
  const raw = file.text.slice(start, Math.max(start, offset));
  return {
    path, on, span: [start, end], text, prefix: raw.replace(/^["']/, ''), siblings,
    column: file.lines.position(start).character,
  };
}
