// The Markdown writer. Log text is escaped so that it reads as typed on GitHub, GitLab and in
// the editor's Markdown preview: HTML becomes entities (a `<script>` shows as text), Markdown
// punctuation is backslash-escaped (a `|` cannot split a table cell, a leading `#` is no heading).
import type { Block, GanttData, Inline } from './doc';
import { oneLine } from './doc';
import { formatInZone } from '../time';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for Markdown; every ASCII punctuation CommonMark could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\s\u0085\u2028\u2029]+/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(/[\\`*_[\]|~${}]/g, (c) => `\\${c}`);
}

/** A line that would start a heading, list, setext underline or thematic break gets its first character escaped. */
function guardLineStart(line: string): string {
  if (/^(#|[-+](\s|$)|=+\s*$|\d{1,9}[.)](\s|$))/.test(line)) {
    const m = /^\d+/.exec(line);
    return m ? `${m[0]}\\${line.slice(m[0].length)}` : `\\${line}`;
  }
  return line;
}

export function inlineMarkdown(content: Inline[]): string {
  return content.map((c) => {
    if (typeof c === 'string') return escapeMarkdown(c);
    if ('code' in c) {
      const text = oneLine(c.code);
      const fence = /`/.test(text) ? '``' : '`';
      return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
    }
    const inner = inlineMarkdown('strong' in c ? c.strong : c.em).trim();
    if (!inner) return '';
    return 'strong' in c ? `**${inner}**` : `*${inner}*`;
  }).join('');
}

const line = (content: Inline[]) => guardLineStart(inlineMarkdown(content).trim());

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading': return `${'#'.repeat(block.level)} ${line(block.content)}`;
    case 'paragraph': return line(block.content);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${line(item)}`).join('\n');
    case 'table': {
      const row = (cells: Inline[][]) => `| ${cells.map((c) => line(c) || ' ').join(' | ')} |`;
      return [row(block.head), `|${block.head.map(() => '---').join('|')}|`, ...block.rows.map(row)].join('\n');
    }
    case 'quote':
      return block.blocks.map(blockMarkdown).join('\n\n').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case 'gantt': return mermaidGantt(block.data);
  }
}

export function toMarkdown(blocks: Block[]): string {
  return blocks.map(blockMarkdown).filter((s) => s.length > 0).join('\n\n') + '\n';
}

/** Mermaid's gantt grammar gives `:`, `;` and `#` meaning and renders labels as HTML: keep only safe text. */
export function mermaidLabel(text: string): string {
  const s = oneLine(text).replace(/[:;#<>&"'`\\{}[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  return s.length > 60 ? `${s.slice(0, 59)}…` : s || '-';
}

/** A gantt block on the log's wall clock: windows as bars, key entries as milestones. */
export function mermaidGantt(data: GanttData): string {
  const at = (ms: number) => formatInZone(ms, data.zone, "yyyy-MM-dd'T'HH:mm");
  const out = ['```mermaid', 'gantt', `  title ${mermaidLabel(data.title)}`, '  dateFormat YYYY-MM-DDTHH:mm', '  axisFormat %m-%d %H:%M'];
  if (data.bars.length) {
    out.push(`  section ${mermaidLabel(data.barsLabel)}`);
    data.bars.forEach((bar, i) => {
      const end = Math.max(bar.endMs, bar.startMs + 60000);
      out.push(`  ${mermaidLabel(bar.label)} :${bar.open ? 'active' : 'done'}, w${i + 1}, ${at(bar.startMs)}, ${at(end)}`);
    });
  }
  if (data.marks.length) {
    out.push(`  section ${mermaidLabel(data.marksLabel)}`);
    data.marks.forEach((m, i) => {
      out.push(`  ${mermaidLabel(m.label)} :milestone, ${m.kind === 'decision' ? 'crit, ' : ''}e${i + 1}, ${at(m.atMs)}, 0m`);
    });
  }
  out.push('```');
  return out.join('\n');
}
