// The maintenance clocks over LSP: inlay hints after each entry's `at`, clock figures added to
// hovers, and the ClockState pushed to the client after each validation so its status bar
// ticks locally (one message per change of the log, none per second).
import type { Connection, Hover, InlayHint } from 'vscode-languageserver/node';
import type { ClockState } from '../core/clock';
import { pathAt, ServiceInput } from '../core/service';
import { incidentOf } from '../core/service/facts';
import { clockHoverLines, clockOf, inlayHints } from '../core/service/inlay-hints';
import { ClockStateForRequest, ClockStateNotification, ClockStateParams } from '../shared/protocol';
import type { DocState } from './documents';

export interface ClockHost {
  stateOf(uri: string): Promise<DocState | undefined>;
  /** The `incidentCommand.clock.showInlayHints` setting for a document (default true). */
  showInlayHints(uri: string): Promise<boolean>;
  log(message: string): void;
}

/**
 * What identifies a clock apart from the moment it was read: the figures that only grow with
 * time are left out, so a re-validation that changed nothing about the windows sends nothing.
 */
export function clockKey(state: ClockState | null): string {
  if (!state) return 'null';
  return JSON.stringify({
    ...state, nowMs: 0, totalMaintenanceMs: 0,
    windows: state.windows.map((w) => ({ ...w, elapsedMs: 0, overrunMs: 0 })),
    communication: { ...state.communication, sinceLastMs: 0, overdueMs: 0 },
  });
}

function paramsOf(state: DocState): ClockStateParams | undefined {
  if (state.kind !== 'incident') return undefined;
  // A half-typed line breaks the YAML for a moment; the client keeps the last good clock meanwhile.
  if (state.analysis.file.yamlErrors.length) return undefined;
  const clock = state.tooLarge ? null : clockOf(state.input, state.analysis.now) ?? null;
  return { uri: state.uri, version: state.version, state: clock };
}

export class ClockFeatures {
  private readonly sent = new Map<string, string>();
  private readonly hintsShown = new Map<string, boolean>();
  private readonly boundaries = new Map<string, NodeJS.Timeout>();

  constructor(private readonly connection: Connection, private readonly host: ClockHost) {
    connection.languages.inlayHint.on(async (p) => {
      try {
        if (!(await host.showInlayHints(p.textDocument.uri))) return [];
        const s = await host.stateOf(p.textDocument.uri);
        // Core's InlayHint mirrors LSP's field for field.
        return s ? inlayHints(s.input, p.range) as InlayHint[] : [];
      } catch (e) {
        host.log(`inlayHint failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return [];
      }
    });
    connection.onRequest(ClockStateForRequest, async (p) => {
      try {
        const s = await host.stateOf(p.uri);
        if (!s) return null;
        const params = paramsOf(s) ?? { uri: s.uri, version: s.version, state: clockOf(s.input) ?? null };
        this.sent.set(s.uri, clockKey(params.state));
        return params;
      } catch (e) {
        host.log(`clockStateFor failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return null;
      }
    });
  }

  /** After a document's diagnostics went out: its clock, when it changed. */
  published(state: DocState): void {
    try {
      const params = paramsOf(state);
      if (params) {
        const key = clockKey(params.state);
        if (this.sent.get(state.uri) !== key) {
          this.sent.set(state.uri, key);
          void this.connection.sendNotification(ClockStateNotification, params);
        }
      }
      this.scheduleBoundary(state);
      void this.refreshHintsIfToggled(state.uri);
    } catch (e) {
      this.host.log(`clockState failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  /** Settings changes re-validate every document; when the hint setting flipped, editors must ask again. */
  private async refreshHintsIfToggled(uri: string): Promise<void> {
    const show = await this.host.showInlayHints(uri).catch(() => true);
    const before = this.hintsShown.get(uri);
    this.hintsShown.set(uri, show);
    if (before !== undefined && before !== show) await this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  /**
   * A window that starts or ends later than now (a planned window, an `end` typed ahead) changes
   * phase at that instant with no edit to the log: the clock is sent again then.
   */
  private scheduleBoundary(state: DocState): void {
    const old = this.boundaries.get(state.uri);
    if (old) clearTimeout(old);
    this.boundaries.delete(state.uri);
    if (state.kind !== 'incident' || state.tooLarge) return;
    const now = Date.now();
    const inc = incidentOf(state.input);
    const next = Math.min(...(inc?.windows ?? []).flatMap((w) => [w.start?.time?.ms, w.end?.time?.ms])
      .filter((ms): ms is number => ms !== undefined && ms > now));
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => {
      this.boundaries.delete(state.uri);
      this.published(state);
    }, Math.min(next - now + 50, 2 ** 31 - 1));
    timer.unref?.();
    this.boundaries.set(state.uri, timer);
  }

  forget(uri: string): void {
    const timer = this.boundaries.get(uri);
    if (timer) clearTimeout(timer);
    this.boundaries.delete(uri);
    this.sent.delete(uri);
    this.hintsShown.delete(uri);
  }

  /** The hover of the language service with the clock's figures added below it. */
  hover(input: ServiceInput, offset: number, base: Hover | undefined | null): Hover | undefined {
    const lines = clockHoverLines(input, offset);
    if (lines.length === 0) return base ?? undefined;
    const clock = lines.join('\n\n');
    if (!base) {
      const file = input.analysis.file;
      return { contents: { kind: 'markdown', value: clock }, range: file.lines.range(pathAt(file, offset).span) };
    }
    const prior = typeof base.contents === 'object' && 'kind' in base.contents ? base.contents.value : '';
    return { ...base, contents: { kind: 'markdown', value: prior ? `${prior}\n\n---\n\n${clock}` : clock } };
  }
}
