import type { YAMLMap } from 'yaml';
import { asMap, SourceFile } from '../source';
import type { Span } from '../text';
import { bool, dur, Dur, listOfMaps, str, Str, strList } from './fields';

export interface Step {
  index: number; node: YAMLMap; span: Span;
  id?: Str; title?: Str; role?: Str; kind?: Str; run?: Str; verify?: Str; rollback?: Str;
  timeout?: Dur; estimate?: Dur; danger?: { value: boolean; span: Span; keySpan: Span }; approval?: Str; after: Str[]; notes?: Str;
}

export interface Runbook {
  file: SourceFile;
  root?: YAMLMap;
  id?: Str; title?: Str; service?: Str; owner?: Str; kind?: Str; window?: Dur;
  roles: Str[];
  preconditions: { span: Span; text?: Str; verify?: Str }[];
  steps: Step[];
}

export function readRunbook(file: SourceFile): Runbook {
  const root = asMap(file.doc.contents);
  return {
    file, root,
    id: str(root, 'runbook'), title: str(root, 'title'), service: str(root, 'service'), owner: str(root, 'owner'),
    kind: str(root, 'kind'), window: dur(root, 'window'), roles: strList(root, 'roles'),
    preconditions: listOfMaps(root, 'preconditions').map(({ node, span }) => ({ span, text: str(node, 'text'), verify: str(node, 'verify') })),
    steps: listOfMaps(root, 'steps').map(({ node, span, index }) => ({
      index, node, span,
      id: str(node, 'id'), title: str(node, 'title'), role: str(node, 'role'), kind: str(node, 'kind'), run: str(node, 'run'),
      verify: str(node, 'verify'), rollback: str(node, 'rollback'), timeout: dur(node, 'timeout'), estimate: dur(node, 'estimate'),
      danger: bool(node, 'danger'), approval: str(node, 'approval'), after: strList(node, 'after'), notes: str(node, 'notes'),
    })),
  };
}

/** A step's effective kind: `action` unless it says otherwise. */
export function stepKind(step: Step): string { return step.kind?.value ?? 'action'; }
