// The analysis summary the client's views ask for (AnalysisSummaryRequest).
import { stepKind } from '../core/model/runbook';
import type { AnalysisSummary } from '../shared/protocol';
import type { DocState } from './documents';

export function summarize(state: DocState): AnalysisSummary {
  const { analysis, input } = state;
  const lines = analysis.file.lines;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.level]++;
  const inc = analysis.incident;
  const rb = analysis.runbook;
  return {
    uri: state.uri, version: state.version, kind: state.kind, tooLarge: state.tooLarge, counts,
    id: inc?.id?.value ?? rb?.id?.value, title: inc?.title?.value ?? rb?.title?.value,
    status: inc?.status?.value, severity: inc?.severity?.value, zone: inc?.zone ?? input.config.timezone,
    windows: (inc?.windows ?? []).map((w) => ({
      id: w.id?.value, title: w.title?.value, start: w.start?.time?.ms, end: w.end?.time?.ms,
      announcedEnd: w.announcedEnd?.time?.ms, range: lines.range(w.span),
    })),
    entries: inc?.timeline.length ?? 0,
    steps: (rb?.steps ?? []).map((s) => ({ id: s.id?.value, title: s.title?.value, kind: stepKind(s), range: lines.range(s.span) })),
  };
}
