// A reference to an id that nothing has: a cause or action item that points at no entry, or
// an entry that names a window that does not exist.
import type { Str } from '../../model/fields';
import { entryIds, EntryTable } from '../../model/entry-facts';
import { closest } from '../../suggest';
import type { Report, Rule } from '../types';
import { msg } from '../types';

// An entry's `window:` finding depends only on it and the window ids: kept per entry while those stay.
const windowRefs = new EntryTable<Report | undefined>();

export const unknownRef: Rule = {
  id: 'unknown-ref',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: true,
  description: msg('`refs` naming no entry id, or `window:` naming no maintenance window.',
    '없는 항목 id를 가리키는 `refs`, 또는 없는 점검을 가리키는 `window:`.'),
  check({ incident, report }) {
    if (!incident) return;
    const refs = [...incident.causes.flatMap((c) => c.refs), ...incident.actionItems.flatMap((a) => a.refs)];
    if (refs.length) {
      const known = new Set<string>();
      for (const list of ['timeline', 'decisions'] as const) for (const id of entryIds(incident, list)) if (id) known.add(id.value);
      const ids = [...known];
      for (const r of refs) if (!known.has(r.value)) report(refReport(r, ids, 'entry'));
    }
    const windowIds = [...new Set(incident.windows.flatMap((w) => (w.id ? [w.id.value] : [])))];
    const windows = new Set(windowIds);
    const perEntry = windowRefs.values(incident, 'timeline', JSON.stringify(windowIds),
      (e) => (e.window && !windows.has(e.window.value) ? refReport(e.window, windowIds, 'window') : undefined));
    // An index loop: this runs once per analysis, unoptimised, where for-of allocates per step.
    for (let i = 0; i < perEntry.length; i++) if (perEntry[i] !== undefined) report(perEntry[i]!);
  },
};

function refReport(ref: Str, ids: string[], sort: 'entry' | 'window'): Report {
  const guess = closest(ref.value, ids);
  const what = sort === 'entry' ? msg('timeline entry', '타임라인 항목') : msg('maintenance window', '점검');
  const hint = guess
    ? msg(` Did you mean "${guess}"?`, ` "${guess}"을(를) 말씀하신 것입니까?`)
    : ids.length
      ? msg(` Known ids: ${ids.slice(0, 8).join(', ')}.`, ` 있는 id: ${ids.slice(0, 8).join(', ')}.`)
      : sort === 'entry'
        ? msg(' No entry has an id yet: add `id:` to the entry you mean.', ' 아직 id가 있는 항목이 없습니다. 가리키려는 항목에 `id:`를 붙이십시오.')
        : msg(' The log has no `maintenance:` windows: add the window or remove `window:`.', ' 로그에 `maintenance:` 점검이 없습니다. 점검을 추가하거나 `window:`를 지우십시오.');
  return {
    span: ref.span,
    message: msg(`No ${what.en} has the id "${ref.value}".${hint.en}`, `id가 "${ref.value}"인 ${what.ko}이 없습니다.${hint.ko}`),
    fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span: ref.span, newText: guess }], safe: false }] : [],
  };
}
