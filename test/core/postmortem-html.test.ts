// The editor preview's page: the same content as the Markdown, every string escaped, a strict CSP.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postmortemFromText } from '../../src/core/postmortem';
import { plain } from '../../src/core/postmortem/doc';
import { blocksToHtml, contentSecurityPolicy, ganttSvg, previewPage } from '../../src/core/postmortem/html';
import { EXAMPLES, examplesConfig, log } from './postmortem-helpers';
import { defaultConfig } from '../../src/core/config';

const PAGE = { nonce: 'abc123==', cspSource: 'vscode-webview://x', styleUri: 'vscode-webview://x/preview.css', scriptUri: 'vscode-webview://x/preview.js', lang: 'en' as const, title: 'Postmortem' };

const HOSTILE = log({
  windows: '  - id: m\n    title: "<script>alert(1)</script>"\n    start: 2021-05-10T10:00\n    end: 2021-05-10T12:00',
  timeline: [
    '  - at: 2021-05-10T10:00', '    kind: maintenance-start', '    text: "<script>alert(2)</script>"',
    '  - at: 2021-05-10T11:00', '    kind: decision', '    text: "<a href=\\"javascript:alert(3)\\">click</a>"', '    options: ["<img src=x onerror=alert(4)>", b]', '    chosen: b', '    why: "\\" onload=\\"alert(5)"',
  ].join('\n'),
});

function pageFor(yaml: string): string {
  const r = postmortemFromText(yaml, 't.incident.yaml', defaultConfig(), { lang: 'en' });
  assert.ok(r.ok);
  return previewPage(blocksToHtml(r.postmortem.blocks, 'en'), PAGE);
}

describe('postmortem preview page', () => {
  it('has a strict Content-Security-Policy: nothing by default, scripts only with the nonce', () => {
    const page = pageFor(HOSTILE);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
    assert.ok(csp);
    assert.equal(csp[1], contentSecurityPolicy(PAGE));
    assert.match(csp[1], /^default-src 'none';/);
    assert.match(csp[1], /script-src 'nonce-abc123=='/);
    assert.doesNotMatch(csp[1], /unsafe-inline|unsafe-eval|https?:/);
  });

  it('carries the nonce on every script, and no script comes from the log', () => {
    const page = pageFor(HOSTILE);
    const scripts = [...page.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="abc123==" src="vscode-webview://x/preview.js">']);
    const tags = [...page.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)];
    assert.deepEqual(tags.filter((m) => /\son\w+=|javascript:/i.test(m[0])), [], 'no handler or javascript: in a real tag');
    assert.deepEqual(tags.filter((m) => ['img', 'a', 'iframe', 'object'].includes(m[1].toLowerCase())), [], 'log markup stays text');
    assert.ok(page.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(page.includes('&lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;'));
    assert.ok(!/href="javascript:/i.test(page));
  });

  it('loads nothing remote', () => {
    const page = pageFor(HOSTILE);
    for (const m of page.matchAll(/(?:src|href)="([^"]*)"/g)) assert.match(m[1], /^vscode-webview:\/\/x\//);
  });

  it('shows the same headings and text as the Markdown file', () => {
    const file = path.join(EXAMPLES, '2021-01-25-kingdom-db.incident.yaml');
    const r = postmortemFromText(fs.readFileSync(file, 'utf8'), file, examplesConfig(), {});
    assert.ok(r.ok);
    const html = blocksToHtml(r.postmortem.blocks, r.postmortem.lang);
    const htmlHeadings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => m[2].replace(/<[^>]+>/g, ''));
    const mdHeadings = r.postmortem.blocks.flatMap((b) => (b.type === 'heading' ? [plain(b.content)] : []));
    assert.deepEqual(htmlHeadings, mdHeadings);
    assert.ok(r.markdown.includes('#### 1월 26일 오전 12시 25분 · 점검 8시간 45분 경과'));
    assert.ok(html.includes('<h4>1월 26일 오전 12시 25분 · 점검 8시간 45분 경과</h4>'));
    assert.ok(html.includes('<li><strong>오후 6시 55분</strong> 복구 방식 결정 → <strong>결정: 전체 데이터를 새 클러스터로 이전</strong> (김하준)</li>'));
  });

  it('draws the windows and key entries on its own SVG time axis, labels escaped', () => {
    const svg = ganttSvg({
      title: 't', zone: 'Asia/Seoul', barsLabel: 'b', marksLabel: 'm',
      bars: [{ label: '<b>1차</b>', startMs: Date.UTC(2021, 0, 25, 6, 40), endMs: Date.UTC(2021, 0, 26, 13, 10), open: false }],
      marks: [{ label: 'x', atMs: Date.UTC(2021, 0, 25, 9, 55), kind: 'decision' }],
    }, 'ko');
    assert.match(svg, /^<figure class="axis"><svg /);
    assert.equal((svg.match(/<rect /g) ?? []).length, 1);
    assert.equal((svg.match(/<circle /g) ?? []).length, 1);
    assert.ok(svg.includes('&lt;b&gt;1차&lt;/b&gt;'));
    assert.ok(svg.includes('1월 25일 오후 3시 40분'));
  });
});
