// Runs one hostile case in a worker thread, so the test can kill it when it hangs: a
// catastrophic regex or a runaway recursion never returns, and only a hard kill stops it.
import { parentPort, workerData } from 'node:worker_threads';
import { defaultConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import type { Finding } from '../../src/core/rules/types';
import { caseNamed } from './corpus';

export interface WorkerAnswer {
  findings?: Pick<Finding, 'ruleId' | 'message' | 'span' | 'range'>[];
  /** Messages in the other language, so both are checked for repeated secrets. */
  otherMessages?: string[];
  textLength?: number;
  error?: string;
}

const NOW = Date.parse('2026-11-22T12:00:00Z');

function run(name: string): WorkerAnswer {
  const c = caseNamed(name);
  const text = c.make();
  try {
    const en = analyzeText(text, c.fileName, defaultConfig(), { lang: 'en', now: NOW });
    // Korean messages too where a secret could leak into them; elsewhere one language is enough.
    const ko = c.secrets ? analyzeText(text, c.fileName, defaultConfig(), { lang: 'ko', now: NOW }) : { findings: [] };
    return {
      findings: en.findings.map(({ ruleId, message, span, range }) => ({ ruleId, message, span, range })),
      otherMessages: ko.findings.map((f) => f.message),
      textLength: text.length,
    };
  } catch (e) {
    return { error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
}

parentPort?.postMessage(run((workerData as { name: string }).name));
