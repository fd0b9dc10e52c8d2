// One declarative description per format feeds the `schema` rule, the JSON Schemas in
// schemas/, completion and hover, so the four can never disagree.

export interface Doc { en: string; ko: string }

/** Value lists that come from the workspace config rather than the format itself. */
export type EnumSource = 'severities';

export type Spec = { doc: Doc } & (
  | { type: 'string'; pattern?: string; enum?: readonly string[]; enumFrom?: EnumSource; format?: StringFormat }
  | { type: 'boolean' }
  | { type: 'number' }
  | { type: 'list'; items: Spec }
  | { type: 'map'; fields: Record<string, Spec>; required?: readonly string[]; values?: Spec }
  | { type: 'union'; of: readonly Spec[] }
);

export type StringFormat = 'timestamp' | 'date' | 'duration' | 'zone' | 'id' | 'handle' | 'path' | 'rule';

export type MapSpec = Extract<Spec, { type: 'map' }>;

export const d = (en: string, ko: string): Doc => ({ en, ko });

/** The spec of the value at a key path (`['timeline', 0, 'kind']`), if the path is known. */
export function specAt(root: Spec, path: readonly (string | number)[]): Spec | undefined {
  let cur: Spec | undefined = root;
  for (const part of path) {
    if (!cur) return undefined;
    if (cur.type === 'union') cur = cur.of.find((s) => s.type === (typeof part === 'number' ? 'list' : 'map'));
    if (!cur) return undefined;
    if (typeof part === 'number') cur = cur.type === 'list' ? cur.items : undefined;
    else cur = cur.type === 'map' ? ((Object.hasOwn(cur.fields, part) ? cur.fields[part] : undefined) ?? cur.values) : undefined;
  }
  return cur;
}
