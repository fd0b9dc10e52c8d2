// The HTML writer for the editor preview: the same document tree as the Markdown file, every
// string escaped, the time axis drawn as SVG. `previewPage` wraps it in a page with a strict
// Content-Security-Policy: nothing loads but the extension's own stylesheet and the one script
// carrying the nonce, so even a log that slipped markup past escaping could not run it.
import type { Lang } from '../config';
import { formatWallClock, formatWallTime, wallDayKey } from '../format';
import type { Block, GanttData, Inline } from './doc';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function inlineHtml(content: Inline[]): string {
  return content.map((c) => {
    if (typeof c === 'string') return escapeHtml(c);
    if ('code' in c) return `<code>${escapeHtml(c.code)}</code>`;
    return 'strong' in c ? `<strong>${inlineHtml(c.strong)}</strong>` : `<em>${inlineHtml(c.em)}</em>`;
  }).join('');
}

function blockHtml(block: Block, lang: Lang): string {
  switch (block.type) {
    case 'heading': return `<h${block.level}>${inlineHtml(block.content)}</h${block.level}>`;
    case 'paragraph': return `<p>${inlineHtml(block.content)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table><thead><tr>${block.head.map((c) => `<th>${inlineHtml(c)}</th>`).join('')}</tr></thead><tbody>${
        block.rows.map((r) => `<tr>${r.map((c) => `<td>${inlineHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'quote': return `<blockquote>${block.blocks.map((b) => blockHtml(b, lang)).join('')}</blockquote>`;
    case 'gantt': return ganttSvg(block.data, lang);
  }
}

export function blocksToHtml(blocks: Block[], lang: Lang): string {
  return blocks.map((b) => blockHtml(b, lang)).join('\n');
}

const W = 760;
const LEFT = 8;
const ROW = 26;

/** Windows as bars and key entries as ticks on one axis of the log's wall clock. */
export function ganttSvg(data: GanttData, lang: Lang): string {
  const times = [...data.bars.flatMap((b) => [b.startMs, b.endMs]), ...data.marks.map((m) => m.atMs)].filter(Number.isFinite);
  if (!times.length) return '';
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (max - min < 3600000) { min -= 1800000; max += 1800000; }
  const x = (ms: number) => LEFT + ((ms - min) / (max - min)) * (W - 2 * LEFT);
  const parts: string[] = [];
  const barsTop = 28;
  data.bars.forEach((b, i) => {
    const y = barsTop + i * ROW;
    const x0 = x(b.startMs);
    const w = Math.max(2, x(b.endMs) - x0);
    parts.push(`<g class="bar${b.open ? ' open' : ''}"><title>${escapeHtml(`${b.label}: ${formatWallClock(b.startMs, data.zone, lang)} – ${formatWallClock(b.endMs, data.zone, lang)}`)}</title>`
      + `<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 8}" rx="3"></rect>`
      + `<text x="${(x0 + 4).toFixed(1)}" y="${y + ROW - 13}">${escapeHtml(b.label)}</text></g>`);
  });
  const marksTop = barsTop + data.bars.length * ROW + 6;
  data.marks.forEach((m) => {
    const mx = x(m.atMs).toFixed(1);
    parts.push(`<g class="mark ${m.kind === 'decision' ? 'decision' : 'entry'}"><title>${escapeHtml(`${formatWallClock(m.atMs, data.zone, lang)} · ${m.label}`)}</title>`
      + `<line x1="${mx}" y1="${barsTop - 6}" x2="${mx}" y2="${marksTop + 10}"></line><circle cx="${mx}" cy="${marksTop + 10}" r="4"></circle></g>`);
  });
  const axisY = marksTop + 30;
  const ticks: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const ms = min + ((max - min) * i) / 4;
    const prev = i === 0 ? null : min + ((max - min) * (i - 1)) / 4;
    const label = prev !== null && wallDayKey(ms, data.zone) === wallDayKey(prev, data.zone) ? formatWallTime(ms, data.zone, lang) : formatWallClock(ms, data.zone, lang);
    const anchor = i === 0 ? 'start' : i === 4 ? 'end' : 'middle';
    ticks.push(`<text class="tick" x="${x(ms).toFixed(1)}" y="${axisY}" text-anchor="${anchor}">${escapeHtml(label)}</text>`);
  }
  const h = axisY + 10;
  return `<figure class="axis"><svg role="img" viewBox="0 0 ${W} ${h}" width="100%" aria-label="${escapeHtml(data.title)}">`
    + `<line class="baseline" x1="${LEFT}" y1="${axisY - 14}" x2="${W - LEFT}" y2="${axisY - 14}"></line>`
    + parts.join('') + ticks.join('') + '</svg></figure>';
}

export interface PageOptions {
  /** Fresh for every page; only scripts carrying it run. */
  nonce: string;
  /** The webview's `cspSource`, allowing the extension's own files. */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  lang: Lang;
  title: string;
}

export function contentSecurityPolicy(o: Pick<PageOptions, 'nonce' | 'cspSource'>): string {
  return [`default-src 'none'`, `style-src ${o.cspSource}`, `img-src ${o.cspSource} data:`, `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`].join('; ');
}

/** The whole webview page around an already escaped body. */
export function previewPage(bodyHtml: string, o: PageOptions): string {
  // Attribute values are double-quoted; single quotes stay as typed so the CSP reads as written.
  const attr = (s: string) => s.replace(/[&<>"]/g, (c) => ENTITIES[c]);
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="content">${bodyHtml}</main>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
