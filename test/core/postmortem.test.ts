// The generator on logs written here (not the examples): clocks, sums, decisions, placeholders.
import * as assert from 'node:assert/strict';
import { log, render } from './postmortem-helpers';

const TWO_WINDOWS = log({
  extra: 'impact:\n  start: 2021-03-02T08:40\nsummary: The ledger refused writes.',
  windows: [
    '  - id: a', '    title: First stop', '    start: 2021-03-02T09:00', '    announced_end: 2021-03-02T12:00', '    end: 2021-03-02T19:00', '    reason: ledger full',
    '  - id: b', '    start: 2021-03-03T01:10', '    end: 2021-03-03T03:40',
  ].join('\n'),
  timeline: [
    '  - at: 2021-03-02T08:50', '    kind: detection', '    text: writes fail',
    '  - at: 2021-03-02T09:00', '    kind: maintenance-start', '    window: a', '    text: down',
    '  - at: 2021-03-02T09:30', '    kind: decision', '    window: a', '    text: How to free space',
    '    options: [drop old partitions, add disks]', '    chosen: add disks', '    why: old partitions are still read by billing',
    '  - at: 2021-03-02T18:38', '    kind: observation', '    window: a', '    text: disks attached',
    '  - at: 2021-03-02T19:00', '    kind: maintenance-end', '    window: a', '    text: reopened',
    '  - at: 2021-03-03T01:10', '    kind: maintenance-start', '    window: b', '    text: down again',
    '  - at: 2021-03-03T03:40', '    kind: maintenance-end', '    window: b', '    text: reopened again',
  ].join('\n'),
});

// One window running across midnight: an entry 17 h 38 m after its start.
const LONG_WINDOW = log({
  windows: '  - id: m\n    start: 2021-05-10T16:52\n    end: 2021-05-11T12:00',
  timeline: [
    '  - at: 2021-05-10T16:52', '    kind: maintenance-start', '    window: m', '    text: down',
    '  - at: 2021-05-11T10:30', '    kind: action', '    window: m', '    text: conversion starts',
  ].join('\n'),
});

describe('postmortem: clocks and sums', () => {
  it('heads a scene 17 h 38 m into a window with the maintenance clock, in Korean and English', () => {
    const ko = render(LONG_WINDOW, { lang: 'ko' });
    assert.match(ko, /^#### 5월 11일 오전 10시 30분 · 점검 17시간 38분 경과$/m);
    const en = render(LONG_WINDOW, { lang: 'en' });
    assert.match(en, /^#### May 11, 10:30 AM · 17 h 38 m into maintenance$/m);
  });

  it('totals a two-window incident as the sum of its windows', () => {
    const ko = render(TWO_WINDOWS, { lang: 'ko' });
    assert.match(ko, /^# test service, 총 12시간 30분 점검 회고$/m);
    assert.ok(ko.includes('10시간 + 2시간 30분 = 12시간 30분'));
    const en = render(TWO_WINDOWS, { lang: 'en' });
    assert.ok(en.includes('10 h + 2 h 30 m = 12 h 30 m'));
    assert.match(en, /^# test service: a retrospective of 12 h 30 m of maintenance$/m);
  });

  it('tells the stretch between windows as an interlude, and numbers it', () => {
    const ko = render(TWO_WINDOWS, { lang: 'ko' });
    assert.match(ko, /^### 재오픈 이후 · 1차 점검$/m);
    assert.ok(ko.includes('1차 점검이 끝나고 2차 점검이 시작되기까지 6시간 10분이 흘렀습니다.'));
    assert.ok(ko.includes('**6시간 10분** — 두 점검 사이'));
    assert.ok(ko.includes('**7시간 초과** — 1차 점검이 처음 공지한 종료를 넘긴 시간'));
  });

  it('shows each decision with its moment, options, choice and reason', () => {
    const ko = render(TWO_WINDOWS, { lang: 'ko' });
    const section = ko.slice(ko.indexOf('## 왜 그 선택을 했는가'), ko.indexOf('## 숫자로 본 복구'));
    assert.ok(section.includes('### How to free space'));
    assert.ok(section.includes('**시점:** 3월 2일 오전 9시 30분 · 점검 30분 경과'));
    assert.ok(section.includes('1. drop old partitions\n2. **add disks** ← 선택'));
    assert.ok(section.includes('**이유:** old partitions are still read by billing'));
    assert.ok(section.includes('**그 뒤:** 오후 6시 38분 — disks attached'));
    assert.match(render(TWO_WINDOWS, { lang: 'en' }), /\*\*Why:\*\* old partitions are still read by billing/);
  });

  it('measures a window still open up to the log\'s last entry, not the machine clock', () => {
    const open = log({
      windows: '  - id: m\n    start: 2021-05-10T16:52',
      timeline: '  - at: 2021-05-10T16:52\n    kind: maintenance-start\n    text: down\n  - at: 2021-05-10T20:00\n    kind: note\n    text: still going',
    });
    const ko = render(open, { lang: 'ko' });
    assert.ok(ko.includes('진행 중 · 마지막 기록(5월 10일 오후 8시) 기준 3시간 8분'));
    assert.match(ko, /점검 회고 \(진행 중\)$/m);
  });

  it('takes the language from the log, then the config, and English otherwise', () => {
    assert.match(render(LONG_WINDOW), /^## Introduction$/m);
    assert.match(render(LONG_WINDOW.replace('severity: SEV1', 'severity: SEV1\nlanguage: ko')), /^## 들어가며$/m);
  });
});

describe('postmortem: placeholders, never invented facts', () => {
  const bare = log({
    timeline: '  - at: 2021-05-10T10:00\n    kind: decision\n    text: Roll back or not',
  });

  it('marks a decision without options, choice or reason', () => {
    const ko = render(bare, { lang: 'ko' });
    assert.ok(ko.includes('〔선택 이유가 기록되지 않았습니다〕'));
    assert.ok(ko.includes('〔검토한 선택지가 기록되지 않았습니다〕'));
    assert.ok(ko.includes('〔무엇을 택했는지 기록되지 않았습니다〕'));
    const en = render(bare, { lang: 'en' });
    assert.ok(en.includes('\\[reason not recorded\\]'), 'the brackets are escaped so Markdown shows them');
    assert.ok(en.includes('\\[options not recorded\\]'));
  });

  it('marks a missing summary, roles, impact, causes, lessons and action items', () => {
    const ko = render(bare, { lang: 'ko' });
    for (const s of ['〔요약이 기록되지 않았습니다〕', '〔역할이 기록되지 않았습니다〕', '〔영향 시작 시각이 기록되지 않았습니다〕',
      '〔원인이 기록되지 않았습니다〕', '〔기록되지 않았습니다〕', '〔후속 조치가 기록되지 않았습니다〕', '〔사용자 공지가 기록되지 않았습니다〕']) {
      assert.ok(ko.includes(s), s);
    }
  });

  it('leaves out optional sections the log has nothing for', () => {
    const ko = render(bare, { lang: 'ko' });
    assert.doesNotMatch(ko, /^## 그날 이전$/m);
    assert.doesNotMatch(ko, /```mermaid[\s\S]*section 점검/, 'no windows, no bars');
  });

  it('keeps an entry whose time cannot be read, in the appendix, with a placeholder', () => {
    const text = log({ timeline: '  - at: yesterday\n    kind: note\n    text: something odd' });
    const ko = render(text, { lang: 'ko' });
    assert.match(ko, /\| 〔시각을 읽을 수 없습니다〕 \|.*something odd/);
  });

  it('names an unknown cause reference instead of dropping it', () => {
    const text = log({ timeline: '  - at: 2021-05-10T10:00\n    kind: note\n    text: x', extra: 'causes:\n  - text: a cause\n    refs: [nope]' });
    assert.ok(render(text, { lang: 'ko' }).includes('〔기록에 없는 항목: nope〕'));
  });

  it('lays out the SRE template with its own sections from the same log', () => {
    const en = render(TWO_WINDOWS, { lang: 'en', style: 'sre' });
    const headings = en.split('\n').filter((l) => /^## /.test(l));
    assert.deepEqual(headings, ['## Summary', '## Impact', '## Root causes', '## Trigger', '## Resolution', '## Detection',
      '## Action items', '## Lessons learned', '## Timeline']);
    assert.ok(en.includes('### What went well') && en.includes('### Where we got lucky'));
    assert.ok(en.includes('**Why:** old partitions are still read by billing'));
  });
});
