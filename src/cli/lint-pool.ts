// Lints many files on worker threads. Files go out in batches (one message per batch, two
// batches queued per worker so none waits for a reply to be read); outcomes come back into
// their file's slot, so the caller sees them in file order as a sequential run gives them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../core/config';
import type { ConfigSource } from './config-cache';
import type { LintJob, LintOutcome, RunOptions } from './lint-jobs';

export interface WorkerData { configs: ConfigSource[]; options: RunOptions }
export interface BatchRequest { id: number; jobs: LintJob[] }
export interface BatchReply { id: number; outcomes: LintOutcome[] }
type WorkerMessage = BatchReply | { ready: true };

/** Beside this module: dist/lint-worker.js in the bundle, out/src/cli/lint-worker.js under test. */
export const WORKER_SCRIPT = path.join(__dirname, 'lint-worker.js');

/**
 * Below this many bytes of files the default is to lint in this thread. A new worker lints its
 * first files several times slower than a warm thread (its code is not compiled yet), so the
 * pool pays only past about 2 MB on two cores: some 220 logs of 50 entries, or 56 of 200
 * (bench/cli-start.mjs).
 */
export const POOL_MIN_BYTES = 2 * 1024 * 1024;
const MAX_BATCH = 32;
const IN_FLIGHT = 2;

/** How many threads lint: 1 means this one, with no worker. `enoughWork` is asked last, if at all. */
export function workerCount(files: number, jobs?: number, enoughWork: () => boolean = () => true): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  const cores = os.availableParallelism();
  if (files < 2 || cores < 2 || !enoughWork()) return 1;
  return Math.min(cores, files);
}

/** Whether the files hold at least `bytes` together; stops looking once they do. */
export function holdsAtLeast(paths: readonly string[], bytes = POOL_MIN_BYTES): boolean {
  let total = 0;
  for (const p of paths) {
    try { total += fs.statSync(p).size; } catch { /* unreadable: its own failure later */ }
    if (total >= bytes) return true;
  }
  return false;
}

export function batchSize(files: number, workers: number): number {
  // Small enough that the last batches keep every worker busy to the end, large enough that
  // messages cost nothing next to the linting.
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(files / (workers * 8))));
}

export function canUseWorkers(script = WORKER_SCRIPT): boolean {
  return fs.existsSync(script);
}

export interface PoolOptions extends RunOptions {
  workers: number;
  configs: ConfigSource[];
  /** Language of the messages about a stopped worker. */
  lang: Lang;
  script?: string;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, number[]>;
  error?: Error;
}

/**
 * One outcome per job, in job order, up to and including the first failure (after which a
 * sequential run would have stopped too). A worker that dies costs the files it held one at a
 * time: its batches are retried file by file, and a file that kills a worker again is a failure.
 * Rejects only when a worker cannot start at all.
 */
export function lintInPool(jobs: readonly LintJob[], opts: PoolOptions): Promise<LintOutcome[]> {
  return new Promise((resolve, reject) => new Pool(jobs, opts, resolve, reject).start());
}

class Pool {
  private readonly outcomes: (LintOutcome | undefined)[];
  private queue: number[][] = [];
  private readonly slots = new Set<Slot>();
  private firstFailure = Infinity;
  private nextId = 0;
  private finished = false;
  private readonly data: WorkerData;

  constructor(
    private readonly jobs: readonly LintJob[],
    private readonly opts: PoolOptions,
    private readonly resolve: (o: LintOutcome[]) => void,
    private readonly reject: (e: Error) => void,
  ) {
    this.outcomes = new Array(jobs.length);
    this.data = { configs: opts.configs, options: { now: opts.now, fix: opts.fix } };
  }

  start(): void {
    const size = batchSize(this.jobs.length, this.opts.workers);
    for (let i = 0; i < this.jobs.length; i += size) {
      this.queue.push(Array.from({ length: Math.min(size, this.jobs.length - i) }, (_, k) => i + k));
    }
    const n = Math.min(this.opts.workers, this.queue.length);
    for (let i = 0; i < n; i++) this.spawn();
    this.checkDone();
  }

  private spawn(): void {
    const worker = new Worker(this.opts.script ?? WORKER_SCRIPT, { workerData: this.data });
    const slot: Slot = { worker, ready: false, inFlight: new Map() };
    this.slots.add(slot);
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (e) => { slot.error = e; });
    worker.on('exit', (code) => this.onExit(slot, code));
    this.dispatch(slot);
  }

  private dispatch(slot: Slot): void {
    while (!this.finished && slot.inFlight.size < IN_FLIGHT && this.queue.length) {
      const batch = this.queue.shift() as number[];
      const id = this.nextId++;
      slot.inFlight.set(id, batch);
      const req: BatchRequest = { id, jobs: batch.map((i) => this.jobs[i]) };
      slot.worker.postMessage(req);
    }
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    if (this.finished) return;
    if ('ready' in m) { slot.ready = true; return; }
    const batch = slot.inFlight.get(m.id);
    if (!batch) return;
    slot.inFlight.delete(m.id);
    batch.forEach((index, k) => this.settle(index, m.outcomes[k]));
    this.dispatch(slot);
    this.checkDone();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (this.finished) return;
    if (!slot.ready) {
      this.finish();
      this.reject(new Error(`a lint worker could not start: ${slot.error?.message ?? `exit code ${code}`}`));
      return;
    }
    const reason = slot.error ? firstLine(slot.error.message) : `exit code ${code}`;
    const singles: number[][] = [];
    for (const batch of slot.inFlight.values()) {
      if (batch.length > 1) singles.push(...batch.map((i) => [i]));
      else this.settle(batch[0], { failure: { filePath: this.jobs[batch[0]].filePath, message: stoppedMessage(reason, this.opts.lang), usage: false } });
    }
    this.queue.unshift(...singles);
    this.dropAfterFailure();
    if (this.queue.length) this.spawn();
    for (const s of this.slots) this.dispatch(s);
    this.checkDone();
  }

  private settle(index: number, outcome: LintOutcome | undefined): void {
    this.outcomes[index] = outcome ?? { failure: { filePath: this.jobs[index].filePath, message: 'no outcome from the lint worker', usage: false } };
    if ('failure' in this.outcomes[index]! && index < this.firstFailure) {
      this.firstFailure = index;
      this.dropAfterFailure();
    }
  }

  /** Files after a failure need not be linted: the run reports the failure and nothing else. */
  private dropAfterFailure(): void {
    if (this.firstFailure !== Infinity) this.queue = this.queue.filter((b) => b[0] < this.firstFailure);
  }

  private checkDone(): void {
    if (this.finished || this.queue.length) return;
    for (const s of this.slots) if (s.inFlight.size) return;
    this.finish();
    // With --fix, files in flight past a failure may have been written: their outcomes are kept,
    // so that the run can say which files it changed before it stopped.
    const end = this.firstFailure === Infinity || this.opts.fix ? this.jobs.length : this.firstFailure + 1;
    const out: LintOutcome[] = [];
    for (let i = 0; i < end; i++) {
      out.push(this.outcomes[i] ?? { failure: { filePath: this.jobs[i].filePath, message: 'not linted', usage: false } });
    }
    this.resolve(out);
  }

  private finish(): void {
    this.finished = true;
    for (const s of this.slots) void s.worker.terminate();
  }
}

function stoppedMessage(reason: string, lang: Lang): string {
  return lang === 'ko'
    ? `이 파일을 검사하던 작업 스레드가 멈췄습니다 (${reason}).`
    : `the lint worker stopped while checking this file (${reason}).`;
}

function firstLine(s: string): string { return s.split('\n')[0]; }
