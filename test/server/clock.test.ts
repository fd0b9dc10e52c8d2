// The clocks over stdio against the built server: inlay hints, hovers, and the clock state
// pushed to the client when (and only when) a log's clock changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover, InlayHint } from 'vscode-languageserver-protocol';
import type { ClockStateParams } from '../../src/shared/protocol';
import { TestClient } from './lspClient';

const LOG = `incident: 2026-11-21-clock
title: Cache out of memory
service: Guilds
severity: SEV2
status: mitigating
timezone: Asia/Seoul
maintenance:
  - id: m1
    title: Grow the cache
    start: 2026-11-21T22:00
    announced_end: 2026-11-22T01:00
timeline:
  - at: 2026-11-21T21:31
    kind: detection
    text: Writes fail.
  - at: 2026-11-21T22:00
    kind: maintenance-start
    window: m1
    text: Down.
  - at: 2026-11-22T00:30
    kind: communication
    window: m1
    text: Still working.
`;

describe('clock over LSP', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;
  let uri: string;
  const received: ClockStateParams[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];

  /** Resolves once `count` clock notifications have arrived. */
  const clockStates = async (count: number): Promise<ClockStateParams[]> => {
    if (received.length < count) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${received.length} clock states, wanted ${count}\n${client.logs.join('\n')}`)), 10000);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    }
    return received.slice();
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-lsp-'));
    client = new TestClient();
    client.conn.onNotification('incidentCommand/clockState', (p: ClockStateParams) => {
      received.push(p);
      const ready = waiters.filter((w) => received.length >= w.count);
      waiters = waiters.filter((w) => received.length < w.count);
      ready.forEach((w) => w.resolve());
    });
    const init = await client.initialize(dir) as { capabilities: Record<string, unknown> };
    assert.equal(init.capabilities.inlayHintProvider, true);
    uri = client.open(path.join(dir, 'a.incident.yaml'), LOG);
  });
  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the clock state when a log is opened', async () => {
    const [first] = await clockStates(1);
    assert.equal(first.uri, uri);
    assert.equal(first.version, 1);
    const w = first.state!.windows[0];
    assert.deepEqual([w.id, w.open, w.startMs, w.announcedEndMs], ['m1', true, Date.parse('2026-11-21T22:00+09:00'), Date.parse('2026-11-22T01:00+09:00')]);
    assert.equal(first.state!.zone, 'Asia/Seoul');
  });

  it('answers inlay hints after each at, with the window clock', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => h.label), ['T+0s', 'T+29m · m1 +0s', 'T+2h59m · m1 +2h30m']);
    assert.deepEqual(hints[0].position, client.pos(uri, '2026-11-21T21:31', '2026-11-21T21:31'.length));
    assert.equal(hints[0].paddingLeft, true);
    assert.match(JSON.stringify(hints[0].tooltip), /9:31 PM/);
  });

  it('adds the window figures to the hover on a window id', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: client.pos(uri, 'id: m1', 5) });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /\*\*m1\*\* Grow the cache \(open\)/);
    assert.match(text, /Announced end: Sun, Nov 22, 1:00 AM/);
  });

  it('sends again only when the clock changed, and answers clockStateFor', async () => {
    await clockStates(1);
    client.change(uri, LOG.replace('Still working.', 'Still working on it.'));
    await client.current(uri); // version 2 validated and published
    client.change(uri, LOG.replace('Still working.', 'Still working on it.').replace('announced_end: 2026-11-22T01:00', 'announced_end: 2026-11-22T02:00'));
    const states = await clockStates(2);
    // The text edit changed no clock figure: nothing was sent for it.
    assert.deepEqual(states.map((s) => s.version), [1, 3]);
    assert.equal(states[1].state!.windows[0].announcedEndMs, Date.parse('2026-11-22T02:00+09:00'));
    const asked = await client.request<ClockStateParams>('incidentCommand/clockStateFor', { uri });
    assert.equal(asked.version, 3);
    assert.equal(asked.state!.windows[0].announcedEndMs, Date.parse('2026-11-22T02:00+09:00'));
    assert.ok(Math.abs(asked.state!.nowMs - Date.now()) < 60000);
  });

  it('gives no inlay hints when incidentCommand.clock.showInlayHints is false', async () => {
    client.settings.incidentCommand = { clock: { showInlayHints: false } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(hints, []);
  });
});
