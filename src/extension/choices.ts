// Decisions the commands make that need no editor: which zone, which folder, which rule
// document, which entry kinds to offer. Pure, so each is unit-tested.
import { ENTRY_KINDS } from '../core/schema/incident';
import { isValidZone } from '../core/time';

/** The first valid IANA zone among the candidates, in order; UTC when none is. */
export function pickZone(...candidates: (string | undefined | null)[]): string {
  for (const c of candidates) {
    const z = typeof c === 'string' ? c.trim() : '';
    if (z && isValidZone(z)) return z;
  }
  return 'UTC';
}

/** The machine's zone, as Node reports it (may be undefined in odd containers). */
export function machineZone(): string | undefined {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return undefined; }
}

const RULE_ID = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/;

/**
 * The rule id in a command argument: a string, `{ruleId}` / `{id}` (what a code action or a
 * hover link may pass), or a one-element array (command URIs pass their JSON as arguments).
 * Anything that could leave docs/rules (`..`, slashes beyond one sub-id) is refused.
 */
export function ruleIdFromArg(arg: unknown): string | undefined {
  let v: unknown = arg;
  if (Array.isArray(v)) v = v[0];
  if (v && typeof v === 'object') v = (v as { ruleId?: unknown; id?: unknown }).ruleId ?? (v as { id?: unknown }).id;
  if (typeof v !== 'string') return undefined;
  const id = v.trim();
  return RULE_ID.test(id) && !id.includes('..') ? id : undefined;
}

/** Paths, relative to the extension folder, to try for a rule's page: `checklist/x` falls back to `checklist`. */
export function ruleDocCandidates(id: string): string[][] {
  const parts = id.split('/');
  const out = [['docs', 'rules', `${parts.join('-')}.md`]];
  if (parts.length > 1) out.push(['docs', 'rules', `${parts[0]}.md`]);
  return out;
}

/** Where a new file goes: the preferred sub-folder of the workspace when it exists. */
export function targetFolder(root: string, preferred: string, isDirectory: (p: string) => boolean): string {
  const sub = `${root.replace(/[\\/]+$/, '')}/${preferred}`;
  return isDirectory(sub) ? sub : root;
}

/** English descriptions (keys of the l10n bundles) of each timeline entry kind. */
export const KIND_DESCRIPTIONS: Record<(typeof ENTRY_KINDS)[number], string> = {
  detection: 'First sign of trouble: an alert, a report, a graph',
  escalation: 'Someone else was paged, called in or told',
  observation: 'Something seen or measured',
  decision: 'A choice between options (add options, chosen and why)',
  action: 'Something done to the system',
  communication: 'A notice to users or stakeholders',
  mitigation: 'Users hurt less from now on',
  'maintenance-start': 'The service went down for maintenance',
  'maintenance-end': 'The service reopened after maintenance',
  resolution: 'The incident is over for users',
  note: 'Anything else worth keeping',
};

/** Kinds in the order offered: the last one used first, then the usual order. */
export function orderedKinds(lastUsed: string | undefined): string[] {
  const kinds: string[] = [...ENTRY_KINDS];
  if (lastUsed && kinds.includes(lastUsed)) return [lastUsed, ...kinds.filter((k) => k !== lastUsed)];
  return kinds;
}

/** What an incident title may be: one line, something in it. Returns the l10n key of the problem. */
export function titleProblem(title: string): string | undefined {
  if (!title.trim()) return 'Write a title, for example "Checkout returns 502".';
  if (/[\r\n]/.test(title)) return 'The title must be one line.';
  if (title.length > 200) return 'Keep the title under 200 characters.';
  return undefined;
}
