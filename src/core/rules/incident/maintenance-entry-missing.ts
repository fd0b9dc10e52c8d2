// A window with no `maintenance-start` entry: the timeline, which is what the postmortem
// tells, never says the service went down.
import { entryFacts, KIND } from '../../model/entry-facts';
import type { Entry } from '../../model/incident';
import type { Rule } from '../types';
import { msg } from '../types';
import { q } from './helpers';

export const maintenanceEntryMissing: Rule = {
  id: 'maintenance-entry-missing',
  appliesTo: ['incident'],
  defaultLevel: 'info',
  fixable: false,
  description: msg('A maintenance window with no `maintenance-start` timeline entry at its start.',
    '시작 시각에 `maintenance-start` 타임라인 항목이 없는 점검.'),
  check({ incident, report }) {
    if (!incident) return;
    if (incident.windows.length === 0) return;
    // Only the maintenance-start entries are read (see entry-facts.ts).
    const { kind } = entryFacts(incident, 'timeline');
    const starts: Entry[] = [];
    for (let i = 0; i < kind.length; i++) if (kind[i] === KIND.maintenanceStart) starts.push(incident.timeline[i]);
    for (const w of incident.windows) {
      const ms = w.start?.time?.ms;
      if (!w.start || ms === undefined) continue;
      if (starts.some((e) => e.at?.time?.ms === ms || (w.id && e.window?.value === w.id.value))) continue;
      const name = w.id ? `"${w.id.value}"` : `#${w.index + 1}`;
      report({
        span: w.start.span,
        message: msg(
          `Window ${name} starts at ${q(w.start.value)} but no timeline entry of kind maintenance-start marks it. Add one (at: ${w.start.value}, window: ${w.id?.value ?? '...'}) so the timeline shows the service going down.`,
          `점검 ${name}은(는) ${q(w.start.value)}에 시작하는데 이를 알리는 maintenance-start 항목이 타임라인에 없습니다. 서비스를 내린 시점이 타임라인에 보이도록 항목(at: ${w.start.value}, window: ${w.id?.value ?? '...'})을 추가하십시오.`),
      });
    }
  },
};
