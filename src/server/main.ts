// The language server: a thin LSP adapter over core. Transport comes from the command line
// (`--stdio`, `--node-ipc`, `--socket=<port>`), as vscode-languageserver reads it.
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, ProposedFeatures,
  ResponseError, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { CompletionItem, DocumentSymbol, InitializeParams, InitializeResult, Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as service from '../core/service';
import { AnalysisChangedNotification, AnalysisSummaryRequest, FIX_ALL_KIND } from '../shared/protocol';
import { ChecklistFeatures, checklistCodeActions } from './checklist';
import { ClockFeatures } from './clock';
import { codeActions } from './codeActions';
import { runbookLinks } from './document-links';
import { WorkspaceSymbols } from './workspace-symbols';
import { toDiagnostic } from './diagnostics';
import { CONFIG_DEBOUNCE_MS, DocState, DocumentPipeline, kindOfUri } from './documents';
import { MemoryGovernor, YoungGeneration } from './memory';
import { SettingsCache } from './settings';
import { summarize } from './summary';
import { pathToUri, uriToPath, WorkspaceConfigs } from './workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsCache(connection);
const memory = new MemoryGovernor();
const young = new YoungGeneration();
young.hold();
const log = (m: string): void => { try { connection.console.error(m); } catch { /* the stream is gone */ } };

const configs = new WorkspaceConfigs((fsPath) => {
  const doc = documents.get(pathToUri(fsPath)) ?? documents.all().find((d) => uriToPath(d.uri) === fsPath);
  return doc?.getText();
});

const pipeline = new DocumentPipeline({
  settings, configs, current: (uri) => documents.get(uri), log,
  publish(state) {
    const diagnostics = state.analysis.findings.map(toDiagnostic);
    void connection.sendDiagnostics({ uri: state.uri, version: state.version, diagnostics });
    void connection.sendNotification(AnalysisChangedNotification, { uri: state.uri, version: state.version });
    clock.published(state);
    checklist.onPublished(state);
    memory.afterWork();
  },
  clear(uri) { void connection.sendDiagnostics({ uri, diagnostics: [] }); },
});

/** Runs a handler so that a bug costs one answer, never the server. */
function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };
}

async function stateOf(uri: string): Promise<DocState | undefined> {
  const doc = documents.get(uri);
  if (!doc || !kindOfUri(uri)) return undefined;
  const state = await pipeline.get(doc);
  return state && !state.tooLarge ? state : undefined;
}

function offsetOf(state: DocState, pos: Position): number { return state.analysis.file.lines.offset(pos); }

const clock = new ClockFeatures(connection, {
  stateOf, log, showInlayHints: async (uri) => (await settings.get(uri)).showInlayHints !== false,
});

const checklist = new ChecklistFeatures(connection, {
  stateOf, log, openLogs: () => documents.all().filter((d) => kindOfUri(d.uri) === 'incident').map((d) => d.uri),
  republish: (uri) => { const d = documents.get(uri); if (d) pipeline.revalidateAll([d]); },
});

let watchRegistration = false;
let folderChanges = false;
let configRegistration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  settings.locale = params.locale;
  settings.initial(params.initializationOptions);
  settings.pullSupported = !!params.capabilities.workspace?.configuration;
  watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  folderChanges = !!params.capabilities.workspace?.workspaceFolders;
  configRegistration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configs.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '[', ','] },
      hoverProvider: true,
      inlayHintProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeLensProvider: {},
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'incident-command-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(guard('initialized', undefined, async () => {
  if (watchRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/.incident-command.{yaml,yml}' }],
    });
  }
  if (configRegistration) {
    // Clients that pull settings send didChangeConfiguration only to servers that registered for it.
    await connection.client.register(DidChangeConfigurationNotification.type, undefined);
  }
  if (folderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders(guard('workspaceFolders', undefined, (e) => {
      configs.addFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
      pipeline.revalidateAll(documents.all());
    }));
  }
}));

// Before a document's first parse, the young generation is grown back if a pause shrank it; edits
// after a pause are as fast without, and the first keystroke should not pay for it.
documents.onDidOpen(() => young.hold());
documents.onDidChangeContent(guard('didChange', undefined, (e) => {
  if (kindOfUri(e.document.uri) === 'config') {
    // An edited config changes how every document around it is linted, before it is saved.
    configs.invalidate();
    pipeline.revalidateAll(documents.all().filter((d) => d.uri !== e.document.uri), CONFIG_DEBOUNCE_MS);
  }
  pipeline.schedule(e.document);
}));
documents.onDidClose(guard('didClose', undefined, (e) => {
  pipeline.forget(e.document.uri);
  clock.forget(e.document.uri);
  checklist.forget(e.document.uri);
  settings.forget(e.document.uri);
  if (kindOfUri(e.document.uri) === 'config') { configs.invalidate(); pipeline.revalidateAll(documents.all()); }
}));

connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, (e) => {
  settings.changed(e.settings);
  pipeline.revalidateAll(documents.all());
}));

connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', undefined, (e) => {
  // Clients may report more than the config files we asked to watch; only those matter here.
  if (!e.changes.some((c) => kindOfUri(c.uri) === 'config')) return;
  configs.invalidate();
  pipeline.revalidateAll(documents.all());
}));

connection.onCompletion(guard('completion', [], async (p) => {
  const s = await stateOf(p.textDocument.uri);
  // Core's shapes mirror LSP's field for field and number for number; only the enum typing differs.
  return s ? service.complete(s.input, offsetOf(s, p.position)) as unknown as CompletionItem[] : [];
}));

connection.onHover(guard('hover', null, async (p) => {
  const s = await stateOf(p.textDocument.uri);
  return (s && clock.hover(s.input, offsetOf(s, p.position), service.hover(s.input, offsetOf(s, p.position)))) ?? null;
}));

connection.onDocumentSymbol(guard('documentSymbol', [], async (p) => {
  const s = await stateOf(p.textDocument.uri);
  return s ? service.documentSymbols(s.input) as unknown as DocumentSymbol[] : [];
}));

connection.onFoldingRanges(guard('foldingRanges', [], async (p) => {
  const s = await stateOf(p.textDocument.uri);
  return s ? service.foldingRanges(s.input) : [];
}));

const toLocations = (uri: string, locs: service.Location[]) =>
  locs.map((l) => ({ uri: l.path ? pathToUri(l.path) : uri, range: l.range }));

connection.onDefinition(guard('definition', [], async (p) => {
  const s = await stateOf(p.textDocument.uri);
  return s ? toLocations(s.uri, service.definition(s.input, offsetOf(s, p.position))) : [];
}));

connection.onReferences(guard('references', [], async (p) => {
  const s = await stateOf(p.textDocument.uri);
  return s ? toLocations(s.uri, service.references(s.input, offsetOf(s, p.position), p.context.includeDeclaration)) : [];
}));

connection.onPrepareRename(guard('prepareRename', null, async (p) => {
  const s = await stateOf(p.textDocument.uri);
  const r = s && service.prepareRename(s.input, offsetOf(s, p.position));
  if (!r) return null;
  if ('error' in r) throw refusal(r.error);
  return r;
}));

connection.onRenameRequest(guard('rename', null, async (p) => {
  const s = await stateOf(p.textDocument.uri);
  const r = s && service.rename(s.input, offsetOf(s, p.position), p.newName);
  if (!r) return null;
  if ('error' in r) throw refusal(r.error);
  return { changes: { [s.uri]: r.edits } };
}));

connection.onCodeAction(guard('codeAction', [], async (p) => {
  const doc = documents.get(p.textDocument.uri);
  const s = doc && kindOfUri(doc.uri) ? await pipeline.get(doc) : undefined;
  return s ? [...codeActions(s, p), ...checklistCodeActions(s, p)] : [];
}));

connection.onRequest(AnalysisSummaryRequest, guard('analysisSummary', null, async (p) => {
  const doc = documents.get(p.uri);
  const s = doc && kindOfUri(doc.uri) ? await pipeline.get(doc) : undefined;
  return s ? summarize(s) : null;
}));

const workspaceSymbols = new WorkspaceSymbols((fsPath) => {
  const doc = documents.get(pathToUri(fsPath));
  return doc && { text: doc.getText(), version: doc.version };
}, (fsPath) => configs.resolve(pathToUri(fsPath)).config);

connection.onWorkspaceSymbol(guard('workspaceSymbol', [], async (p) => {
  const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
  return workspaceSymbols.query(folders.map((f) => uriToPath(f.uri)).filter((x): x is string => !!x), p.query);
}));

connection.onDocumentLinks(guard('documentLinks', [], async (p) => {
  const s = await stateOf(p.textDocument.uri);
  return s ? runbookLinks(s.analysis.incident, configs.resolve(s.uri).path) : [];
}));

/** A refusal the user should read (e.g. a handle defined elsewhere); editors show the message. */
function refusal(message: string): ResponseError<void> { return new ResponseError(ErrorCodes.InvalidRequest, message); }

process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${String(e)}`));

documents.listen(connection);
connection.listen();
