// A template is a title and an ordered list of sections with their headings. The NDC account
// and the Google SRE book's layout are two such lists over one set of section renderers.
import type { Block } from './doc';
import type { Facts } from './facts';
import type { SectionRenderer } from './sections/common';
import type { Strings } from './strings';
import { background, glance, intro, signs, titleBlocks } from './sections/opening';
import { diary } from './sections/diary';
import { decisions } from './sections/decisions';
import { causes, changes, comms, lessons, numbers } from './sections/closing';
import { appendix, timeline } from './sections/appendix';
import { actionItems, detection, resolution, sreTitle, summary, trigger } from './sections/sre';

export type StyleId = 'ndc' | 'sre';
export const STYLES: readonly StyleId[] = ['ndc', 'sre'];

export interface TemplateSection { id: string; heading: keyof Strings['heading']; render: SectionRenderer }
export interface Template { id: StyleId; title(f: Facts): Block[]; sections: TemplateSection[] }

const s = (id: string, heading: keyof Strings['heading'], render: SectionRenderer): TemplateSection => ({ id, heading, render });

export const TEMPLATES: Record<StyleId, Template> = {
  ndc: {
    id: 'ndc',
    title: titleBlocks,
    sections: [
      s('intro', 'intro', intro),
      s('glance', 'glance', glance),
      s('background', 'background', background),
      s('signs', 'signs', signs),
      s('diary', 'diary', diary),
      s('decisions', 'decisions', decisions),
      s('numbers', 'numbers', numbers),
      s('causes', 'causes', causes),
      s('lessons', 'lessons', lessons),
      s('changes', 'changes', changes),
      s('comms', 'comms', comms),
      s('appendix', 'appendix', appendix),
    ],
  },
  sre: {
    id: 'sre',
    title: sreTitle,
    sections: [
      s('summary', 'summary', summary),
      s('impact', 'impact', glance),
      s('root-causes', 'rootCauses', causes),
      s('trigger', 'trigger', trigger),
      s('resolution', 'resolution', resolution),
      s('detection', 'detection', detection),
      s('action-items', 'actionItems', actionItems),
      s('lessons', 'lessonsLearned', lessons),
      s('timeline', 'timeline', timeline),
    ],
  },
};

export function isStyle(v: unknown): v is StyleId { return v === 'ndc' || v === 'sre'; }
