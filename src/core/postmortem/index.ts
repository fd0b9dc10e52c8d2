// The postmortem generator: a pure function of an incident log (and the workspace config it
// is read with). Same log, same bytes: no clock, no randomness, no file system.
import type { Config, Lang } from '../config';
import { Incident, readIncident } from '../model/incident';
import { parseSource } from '../source';
import type { Block } from './doc';
import { h, p } from './doc';
import { buildFacts, Facts } from './facts';
import { toMarkdown } from './markdown';
import { isStyle, StyleId, TEMPLATES } from './templates';

export type { StyleId } from './templates';
export { STYLES, isStyle } from './templates';

export interface PostmortemOptions { lang?: Lang; style?: StyleId }

export interface Postmortem {
  lang: Lang;
  style: StyleId;
  blocks: Block[];
  facts: Facts;
}

/** The option given, else the log's `language:`, else the workspace config's, else English. */
export function postmortemLang(incident: Incident, config: Config, explicit?: Lang): Lang {
  const own = incident.language?.value;
  return explicit ?? (own === 'ko' || own === 'en' ? own : undefined) ?? config.language ?? 'en';
}

export function postmortemStyle(config: Config, explicit?: StyleId): StyleId {
  return explicit ?? (isStyle(config.postmortem.style) ? config.postmortem.style : 'ndc');
}

export function buildPostmortem(incident: Incident, config: Config, options: PostmortemOptions = {}): Postmortem {
  const lang = postmortemLang(incident, config, options.lang);
  const style = postmortemStyle(config, options.style);
  const template = TEMPLATES[style];
  const facts = buildFacts(incident, config, lang);
  const blocks: Block[] = [...template.title(facts)];
  template.sections.forEach((section, i) => {
    const heading = facts.t.heading[section.heading];
    const following = template.sections.slice(i + 1).map((x) => facts.t.heading[x.heading]);
    try {
      const out = section.render(facts, { heading, following });
      if (out) blocks.push(...out);
    } catch (e) {
      // A bug in one section must not cost the whole document; it shows where it happened.
      blocks.push(h(2, heading), p(lang === 'ko' ? `〔이 절을 만들지 못했습니다: ${String(e)}〕` : `[this section could not be generated: ${String(e)}]`));
    }
  });
  return { lang, style, blocks, facts };
}

/** The postmortem as Markdown. */
export function renderPostmortem(incident: Incident, config: Config, options: PostmortemOptions = {}): string {
  return toMarkdown(buildPostmortem(incident, config, options).blocks);
}

export type FromText = { ok: true; postmortem: Postmortem; markdown: string } | { ok: false; line: number; column: number; message: string };

/** From the log's text; a log that is not valid YAML gives its first error instead. */
export function postmortemFromText(text: string, fileName: string, config: Config, options: PostmortemOptions = {}): FromText {
  const source = parseSource(text, fileName, 'incident');
  const err = source.yamlErrors[0];
  if (err) {
    const pos = source.lines.position(err.span[0]);
    return { ok: false, line: pos.line + 1, column: pos.character + 1, message: err.message };
  }
  const postmortem = buildPostmortem(readIncident(source, config), config, options);
  return { ok: true, postmortem, markdown: toMarkdown(postmortem.blocks) };
}
