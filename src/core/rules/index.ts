// The ordered registry. Order is the order of findings at one place and of the docs index.
import type { Config } from '../config';
import { commonRules } from './common';
import { incidentRules } from './incident';
import { checklistSubIds } from './incident/checklist';
import { runbookRules } from './runbook';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [...commonRules, ...incidentRules, ...runbookRules];

const byId = new Map(allRules.map((r) => [r.id, r]));
export function ruleById(id: string): Rule | undefined { return byId.get(id) ?? byId.get(id.split('/')[0]); }

/** Sub-ids a rule reports under (`checklist/<item>`), given the workspace's own items. */
export type SubIds = (config: Config) => string[];
const subIdProviders: SubIds[] = [];
export function registerSubIds(provider: SubIds): void { subIdProviders.push(provider); }
registerSubIds(checklistSubIds);

/** Every id a config or a disable comment may name. */
export function knownRuleIds(config: Config): Set<string> {
  const ids = new Set<string>(allRules.map((r) => r.id));
  ids.add('file-too-large');
  for (const p of subIdProviders) for (const id of p(config)) ids.add(id);
  return ids;
}
