// Generated incident logs, runbooks and configs written the way people write them: comments at
// the head, at line ends, between entries and between keys, blank lines, quoted, block and
// folded scalars, flow maps, two indentation styles, LF or CR LF, with or without a final line
// break. Each also carries what the rules fix (out-of-order entries, a decision without why, a
// zone-less time, a misspelled handle...), so every fix a rule offers gets exercised.
import fc from 'fast-check';

type G = fc.GeneratorValue;

const pick = <T>(g: G, xs: readonly T[]): T => g(fc.constantFrom, ...xs);
const chance = (g: G, percent: number): boolean => g(fc.integer, { min: 0, max: 99 }) < percent;
const pad = (n: number): string => ' '.repeat(n);

const COMMENTS = ['# note', '#', '# 점검 메모: 확인했습니다', '# - at: 2026-11-22T00:00 (not an entry)', '#   text: "quoted" # twice'];
const END_COMMENTS = [' # why', '  # 메모', ' #', ' # a: b, [c]'];

export interface Layout {
  eol: '\n' | '\r\n';
  /** Columns a list's dash sits right of its key. */
  seq: number;
  /** Columns an item's keys sit right of its dash. */
  gap: number;
  /** Columns a nested map's keys sit right of its key. */
  map: number;
  finalBreak: boolean;
}

function layout(g: G): Layout {
  return { eol: pick(g, ['\n', '\r\n'] as const), seq: pick(g, [0, 2, 2]), gap: pick(g, [2, 2, 4]), map: pick(g, [2, 2, 4]), finalBreak: chance(g, 80) };
}

function endComment(g: G): string { return chance(g, 30) ? pick(g, END_COMMENTS) : ''; }

/** Blank and comment lines that may stand between two lines at any of these columns. */
function gap(g: G, cols: number[]): string[] {
  const n = pick(g, [0, 0, 0, 1, 2]);
  return Array.from({ length: n }, () => (chance(g, 40) ? '' : pad(pick(g, cols)) + pick(g, COMMENTS)));
}

/** A text value under a key at `keyCol`: its first line after `key: ` and its further lines. */
function textValue(g: G, keyCol: number, plain: string): string[] {
  switch (pick(g, ['plain', 'plain', 'single', 'double', 'literal', 'folded'])) {
    case 'single': return [`'it''s: ${plain}'${endComment(g)}`];
    case 'double': return [`"${plain} # not a comment"${endComment(g)}`];
    case 'literal': return [`|${endComment(g)}`, `${pad(keyCol + 2)}${plain}`, `${pad(keyCol + 2)}second line # kept`];
    case 'folded': return [`>-${endComment(g)}`, `${pad(keyCol + 2)}${plain}`, `${pad(keyCol + 4)}more indented`];
    default: return [`${plain}${endComment(g)}`];
  }
}

/** `key: value` lines of one block map at `col`, with comments between and beside them. */
function blockPairs(g: G, col: number, pairs: readonly (readonly [string, string | string[]])[], gapCols: number[], first?: string): string[] {
  const out: string[] = [];
  pairs.forEach(([k, v], i) => {
    if (i > 0) out.push(...gap(g, gapCols));
    const lines = typeof v === 'string' ? [`${v}${endComment(g)}`] : v;
    const lead = i === 0 && first !== undefined ? first : pad(col);
    out.push(`${lead}${k}: ${lines[0]}`, ...lines.slice(1));
  });
  return out;
}

const flowValue = (v: string): string => (/[,{}[\]#:]/.test(v) ? JSON.stringify(v) : v);
const flowMap = (pairs: readonly (readonly [string, string])[]): string => `{ ${pairs.map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }`;

/** One list under `key:`: block items (each a map) or, sometimes, flow maps. */
function blockList(g: G, L: Layout, key: string, items: (readonly (readonly [string, string | string[]])[])[]): string[] {
  const dash = L.seq;
  const keyCol = dash + L.gap;
  const out = [`${key}:${endComment(g)}`];
  items.forEach((pairs, i) => {
    out.push(...gap(g, [0, dash, keyCol]));
    const simple = pairs.every(([, v]) => typeof v === 'string');
    if (simple && chance(g, 15)) {
      out.push(`${pad(dash)}- ${flowMap(pairs as [string, string][])}${endComment(g)}`);
      return;
    }
    out.push(...blockPairs(g, keyCol, pairs, [0, keyCol], `${pad(dash)}-${pad(L.gap - 1)}`));
    if (i === items.length - 1 && chance(g, 30)) out.push(pad(pick(g, [0, dash])) + pick(g, COMMENTS));
  });
  return out;
}

const ZONES = ['Asia/Seoul', 'America/New_York', ''] as const;

function timestamp(g: G, zone: string, minute: number): string {
  if (zone === 'America/New_York' && chance(g, 15)) return pick(g, ['2026-11-01T01:30', '2026-03-08T02:30']);
  const hh = String(9 + Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const offset = zone === '' ? (chance(g, 60) ? '+09:00' : '') : chance(g, 20) ? '+09:00' : '';
  return `2026-11-22T${hh}:${mm}${offset}`;
}

export interface GenLog { text: string; layout: Layout }

/** An incident log. */
export function incidentLog(g: G): GenLog {
  const L = layout(g);
  const zone = pick(g, ZONES);
  const windows = pick(g, [0, 1, 1, 2]);
  const sections: Record<string, () => string[]> = {
    people: () => (chance(g, 50)
      ? ['people:', `${pad(L.map)}ann: { name: Ann }${endComment(g)}`, ...gap(g, [0, L.map]), `${pad(L.map)}bo:`, `${pad(2 * L.map)}name: "Bo Kim"`]
      : ['people: { ann: { name: Ann }, bo: { name: Bo } }']),
    roles: () => (chance(g, 50) ? [`roles:${endComment(g)}`, `${pad(L.map)}commander: ann${endComment(g)}`] : ['roles: { commander: ann }']),
    maintenance: () => {
      if (windows === 0) return chance(g, 50) ? [`maintenance: []${endComment(g)}`] : [];
      const items = Array.from({ length: windows }, (_, i) => {
        const w: [string, string | string[]][] = [['id', `m${i + 1}`]];
        if (chance(g, 50)) w.push(['title', pick(g, ['DB upgrade', '"점검: 1차"', "'it''s planned'"])]);
        w.push(['start', timestamp(g, zone, 30 * i)]);
        if (chance(g, 50)) w.push(['announced_end', `2026-11-22T${15 + i}:00+09:00`]);
        const end = pick(g, ['none', 'none', 'value', 'empty']);
        if (end === 'value') w.push(['end', `2026-11-22T${12 + i}:00+09:00`]);
        if (end === 'empty') w.push(['end', '']);
        return w;
      });
      return blockList(g, L, 'maintenance', items);
    },
    timeline: () => {
      const shape = pick(g, ['block', 'block', 'block', 'block', 'flow', 'empty', 'none']);
      if (shape === 'none') return [];
      if (shape === 'empty') return [`timeline:${pick(g, ['', ' []', ' ~'])}${endComment(g)}`];
      if (shape === 'flow') return [`timeline: [ ${flowMap([['at', timestamp(g, zone, 5)], ['kind', 'detection'], ['text', 'flow entry']])} ]${endComment(g)}`];
      const n = g(fc.integer, { min: 1, max: 5 });
      const items = Array.from({ length: n }, (_, i) => {
        const kind = pick(g, ['detection', 'note', 'decision', 'action', 'communication']);
        const e: [string, string | string[]][] = [['at', timestamp(g, zone, chance(g, 25) ? g(fc.integer, { min: 0, max: 50 }) : 10 * i + 5)], ['kind', kind]];
        if (windows && chance(g, 30)) e.push(['window', 'm1']);
        e.push(['text', textValue(g, L.seq + L.gap, pick(g, ['Replica lag 40s', '점검 시작', 'db-1 restarted']))]);
        if (chance(g, 30)) e.push(['id', pick(g, ['e1', 'e2', 'e1'])]);
        if (chance(g, 40)) e.push(['by', pick(g, ['ann', 'bo', 'anm'])]);
        if (kind === 'decision' && chance(g, 40)) e.push(['why', 'it was faster']);
        return e;
      });
      return blockList(g, L, 'timeline', items);
    },
    checklist: () => {
      const shape = pick(g, ['none', 'none', 'empty', 'flow', 'block']);
      if (shape === 'none') return [];
      if (shape === 'empty') return [`checklist: {}${endComment(g)}`];
      const recs: [string, [string, string][]][] = [['user-notice', [['done', '2026-11-22T09:05+09:00']]], ['vendr-contact', [['skipped', 'no vendor']]]];
      if (chance(g, 50)) recs[0][1].push(['note', 'cafe post']);
      if (shape === 'flow') return ['checklist:', ...recs.flatMap(([id, r]) => [...gap(g, [0, L.map]), `${pad(L.map)}${id}: ${flowMap(r)}${endComment(g)}`])];
      return ['checklist:', ...recs.flatMap(([id, r]) => [...gap(g, [0, L.map]), `${pad(L.map)}${id}:${endComment(g)}`, ...blockPairs(g, 2 * L.map, r, [0, 2 * L.map])])];
    },
  };
  const order = g(fc.shuffledSubarray, Object.keys(sections), { minLength: 5, maxLength: 5 });
  const head: [string, string][] = [
    ['incident', 'inc-1'], ['title', pick(g, ['Replica lag', '"DB: read-only"', "'it''s down'", '점검 중 장애'])], ['service', chance(g, 10) ? 'true' : 'game'],
    ['severity', chance(g, 15) ? 'SEV9' : 'SEV2'], ['status', pick(g, ['mitigating', 'resolved'])],
  ];
  if (zone) head.push(['timezone', zone]);
  if (chance(g, 10)) head.push(['sumary', 'typo key']);
  const lines = [
    ...Array.from({ length: pick(g, [0, 1, 2]) }, () => pick(g, COMMENTS)),
    ...blockPairs(g, 0, head, [0]),
    ...order.flatMap((k) => { const s = sections[k](); return s.length ? [...gap(g, [0]), ...s] : []; }),
    ...(chance(g, 30) ? [pick(g, COMMENTS)] : []),
  ];
  return { text: lines.join(L.eol) + (L.finalBreak ? L.eol : ''), layout: L };
}

/** A runbook whose steps miss roles, checks and rollbacks, and run dangerous commands. */
export function runbook(g: G): GenLog {
  const L = layout(g);
  const withRoles = chance(g, 70);
  const n = g(fc.integer, { min: 1, max: 4 });
  const steps = Array.from({ length: n }, (_, i) => {
    const s: [string, string | string[]][] = [['id', `s${i + 1}`], ['title', pick(g, ['Stop writes', '"점검: 시작"', "'it''s the change'"])]];
    if (chance(g, 30)) s.push(['kind', pick(g, ['communication', 'check', 'action'])]);
    if (withRoles && chance(g, 60)) s.push(['role', pick(g, ['ops', 'opz'])]);
    if (chance(g, 60)) {
      const cmd = pick(g, ['kubectl delete ns prod', 'redis-cli FLUSHALL', 'echo hi', 'pg_dump db > /backup/db.sql']);
      s.push(['run', chance(g, 30) ? ['|', `${pad(L.seq + L.gap + 2)}${cmd}`, `${pad(L.seq + L.gap + 2)}echo done`] : cmd]);
    }
    if (chance(g, 20)) s.push(['danger', 'true']);
    if (chance(g, 40)) s.push(['verify', 'rows match']);
    if (chance(g, 20)) s.push(['rollback', chance(g, 50) ? '' : 'restore the dump']);
    if (i > 0 && chance(g, 40)) s.push(['after', pick(g, ['[s1]', '[s9]', 's1'])]);
    return s;
  });
  const head: [string, string][] = [['runbook', 'r1'], ['title', pick(g, ['DB upgrade', '"DB: upgrade"'])], ['kind', pick(g, ['maintenance', 'routine'])], ['window', '2h']];
  const roles = withRoles ? (chance(g, 50) ? ['roles: [ops, comms]'] : ['roles:', `${pad(L.seq)}- ops`, `${pad(L.seq)}- comms${endComment(g)}`]) : [];
  const lines = [
    ...Array.from({ length: pick(g, [0, 1]) }, () => pick(g, COMMENTS)),
    ...blockPairs(g, 0, head, [0]), ...gap(g, [0]), ...roles, ...gap(g, [0]),
    ...blockList(g, L, 'steps', steps),
  ];
  return { text: lines.join(L.eol) + (L.finalBreak ? L.eol : ''), layout: L };
}

/** A workspace config naming a rule that does not exist. */
export function config(g: G): GenLog {
  const L = layout(g);
  const lines = [
    ...Array.from({ length: pick(g, [0, 1]) }, () => pick(g, COMMENTS)),
    `timezone: Asia/Seoul${endComment(g)}`, ...gap(g, [0]),
    'rules:', `${pad(L.map)}timline-order: off${endComment(g)}`, ...gap(g, [0, L.map]), `${pad(L.map)}placeholder: warning`,
  ];
  return { text: lines.join(L.eol) + (L.finalBreak ? L.eol : ''), layout: L };
}

export const incidentLogs = fc.gen().map(incidentLog);
export const runbooks = fc.gen().map(runbook);
export const configs = fc.gen().map(config);
