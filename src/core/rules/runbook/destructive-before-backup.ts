// State must be saved before it is destroyed. In the seeds, a cache cluster went down before
// its BGSAVE finished and guild and inventory data were lost for good; afterwards the team
// added a foreground SAVE and a dump.rdb backup before every stop.
import type { Step } from '../../model/runbook';
import { stepKind } from '../../model/runbook';
import type { Rule } from '../types';
import { dangerIn, isDangerous, stepHead, stepName } from './steps';

// A title or command that saves state. `export VAR=` is a shell assignment, not an export of data.
const SAVES = /\b(?:snapshots?|backups?|back\s+up|dumps?|(?:bg)?saves?|bgrewriteaof|pg_dump(?:all)?|pg_basebackup|mysqldump|mongodump|xtrabackup|export(?!\s+[A-Za-z_]\w*=))\b|스냅샷|백업|덤프|저장(?!소)/i;

export function savesState(step: Step): boolean {
  return stepKind(step) === 'check' || SAVES.test(step.title?.value ?? '') || SAVES.test(step.run?.value ?? '');
}

export const destructiveBeforeBackup: Rule = {
  id: 'destructive-before-backup',
  appliesTo: ['runbook'],
  defaultLevel: 'error',
  fixable: false,
  description: {
    en: 'A dangerous step with no earlier check or state-saving step (snapshot, backup, dump, SAVE) before it.',
    ko: '위험한 단계 앞에 확인(check)이나 상태 저장(스냅샷, 백업, 덤프, SAVE) 단계가 없습니다.',
  },
  check({ file, config, runbook, report }) {
    if (!runbook) return;
    const byId = new Map<string, Step>();
    for (const s of runbook.steps) if (s.id && !byId.has(s.id.value)) byId.set(s.id.value, s);
    for (const step of runbook.steps) {
      if (!isDangerous(file, step, config)) continue;
      const matches = dangerIn(file, step, config);
      // `pg_dump ... && psql -c "DROP ..."` saves first within the step itself.
      const run = step.run?.value ?? '';
      const ownSave = SAVES.exec(run);
      if (ownSave && matches.length && ownSave.index < matches[0].start) continue;
      if (before(step, runbook.steps, byId).some(savesState)) continue;
      const own = stepName(step);
      const via = step.after.length
        ? { en: 'in its after chain', ko: 'after로 이어진 단계 중에' }
        : { en: 'before it', ko: '그 앞에' };
      report({
        span: matches[0]?.span ?? step.danger?.keySpan ?? stepHead(step),
        message: {
          en: `${own.en} destroys or stops something, but no step ${via.en} saves state (snapshot, backup, dump, SAVE) or checks it. Add such a step and list it in after.`,
          ko: `${own.ko}은(는) 무언가를 지우거나 멈추는데, ${via.ko} 상태를 저장(스냅샷, 백업, 덤프, SAVE)하거나 확인(check)하는 단계가 없습니다. 그런 단계를 추가하고 after에 적으십시오.`,
        },
      });
    }
  },
};

/** The steps that come before `step`: its `after` chain (transitively), or, without `after`, every earlier step. */
function before(step: Step, steps: readonly Step[], byId: Map<string, Step>): Step[] {
  if (!step.after.length) return steps.slice(0, step.index);
  const seen = new Set<Step>();
  const queue = [...step.after];
  while (queue.length) {
    const ref = queue.shift()!;
    const s = byId.get(ref.value);
    if (!s || s === step || seen.has(s)) continue;
    seen.add(s);
    queue.push(...s.after);
  }
  return [...seen];
}
