// Plain shapes the language features return. They mirror the LSP types field for field (same
// names, same enum numbers) so the server hands them over as they are, while core stays free
// of any vscode-languageserver import.
import type { Config, Lang } from '../config';
import type { Analysis } from '../lint';
import type { SourceFile } from '../source';
import type { Range, Span } from '../text';

/** What every feature is given: one analysed document and the settings it was read with. */
export interface ServiceInput {
  analysis: Analysis;
  config: Config;
  lang: Lang;
  /** The parsed workspace config, so a roster handle can point at its definition there. */
  configFile?: SourceFile;
  /** "Now" for completing timestamps; defaults to the clock. */
  now?: number;
}

export const CompletionItemKind = {
  Text: 1, Field: 5, Variable: 6, Module: 9, Property: 10, Unit: 11, Value: 12, Enum: 13, Keyword: 14,
  Snippet: 15, File: 17, Reference: 18, Folder: 19, EnumMember: 20, Constant: 21, Event: 23,
} as const;

export interface MarkupContent { kind: 'markdown'; value: string }

export interface CompletionItem {
  label: string;
  kind: number;
  detail?: string;
  documentation?: MarkupContent;
  sortText?: string;
  filterText?: string;
  textEdit: { range: Range; newText: string };
}

export interface Hover { contents: MarkupContent; range: Range }

export const SymbolKind = {
  File: 1, Module: 2, Namespace: 3, Class: 5, Method: 6, Property: 7, Field: 8, Function: 12, Variable: 13,
  Constant: 14, String: 15, Array: 18, Object: 19, Key: 20, Event: 24,
} as const;

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange { startLine: number; endLine: number; kind?: 'comment' | 'region' }

/** A place; `path` is absent for the document itself (e.g. a roster handle's definition in the workspace config). */
export interface Location { path?: string; range: Range }

export interface RangeEdit { range: Range; newText: string }

/** Either the range and current name to rename, or why it cannot be renamed here. */
export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };

export type RenameResult = { edits: RangeEdit[] } | { error: string };

export type { Span };
