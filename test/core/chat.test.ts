import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSlackText, detectChatFormat, guessKind, matchSender, parseChat, slackTsMs } from '../../src/core/chat';
import type { ChatMessage } from '../../src/core/chat';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'chat');
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');
/** Local wall clock (or UTC instant), sender, first line of the text. */
const brief = (ms: ChatMessage[]) => ms.map((m) => [m.local ?? new Date(m.ms!).toISOString(), m.sender, m.text.split('\n')[0]]);

describe('chat: detection', () => {
  it('tells the formats apart', () => {
    assert.equal(detectChatFormat(read('slack-general-2021-01-25.json')), 'slack');
    assert.equal(detectChatFormat(read('slack-api-history.json')), 'slack');
    for (const f of ['kakao-pc-ko.txt', 'kakao-pc-en.txt', 'kakao-mobile-ko.txt', 'kakao-mobile-en.txt', 'kakao-ios-ko.txt']) assert.equal(detectChatFormat(read(f)), 'kakao', f);
    assert.equal(detectChatFormat(read('lines-dated.txt')), 'lines');
    assert.equal(detectChatFormat(read('lines-undated.txt')), 'lines');
    assert.equal(detectChatFormat('just some prose'), undefined);
    assert.equal(detectChatFormat('{"not": "slack"}'), undefined);
  });
});

describe('chat: Slack', () => {
  it('reads a channel-day export: instants from ts, join/leave dropped, names from profiles', () => {
    const r = parseChat(read('slack-general-2021-01-25.json'));
    assert.equal(r.format, 'slack');
    assert.deepEqual(brief(r.messages), [
      ['2021-01-25T07:52:00.000Z', 'hjkim', 'DB cluster refuses reads on some ranges. Declaring SEV1, bridge is open here (https://meet.example.com/sev1)'],
      ['2021-01-25T07:55:31.000Z', 'Park Seoyeon', '@hjkim login p99 is 30s & climbing; error rate > 40%'],
      ['2021-01-25T08:03:10.000Z', 'hjkim', 'We decided to take every server down: writes could widen the damage'],
      ['2021-01-25T08:04:00.000Z', 'statuspage', 'Notice posted: emergency maintenance until 19:00 KST'],
      ['2021-01-25T14:59:58.000Z', 'bora.nam', 'cause found: a storage quota on the cluster, not the disks'],
      ['2021-01-25T15:01:05.000Z', 'Park Seoyeon', 'ack #ops-db, @here next update 01:00'],
    ]);
    assert.equal(r.messages[4].text, 'cause found: a storage quota on the cluster, not the disks\nsnapshot 118/120 done');
  });

  it('reads an API response (newest first) into time order; a user without a profile keeps the id', () => {
    const r = parseChat(read('slack-api-history.json'));
    assert.deepEqual(brief(r.messages).map(([t, s]) => [t, s]), [['2021-01-26T00:45:00.000Z', 'U01SY'], ['2021-01-26T01:20:00.000Z', 'U01HJ']]);
    assert.equal(r.messages[1].text, 'Data check passed for shard 1 <> source');
  });

  it('ts without float drift, mentions and entities', () => {
    assert.equal(slackTsMs('1611561120.000200'), 1611561120000);
    assert.equal(slackTsMs('1611561120.999999'), 1611561120999);
    assert.equal(slackTsMs('nope'), undefined);
    const names = new Map([['U1', 'Lee']]);
    assert.equal(decodeSlackText('<@U1> <@U2|kim> <!channel> <mailto:a@b.c|a@b.c> &amp;lt; &lt;tag&gt;', names), '@Lee @kim @channel a@b.c &lt; <tag>');
  });

  it('never throws on odd JSON', () => {
    for (const t of ['[]', '[1, null, "x", {"ts": "1"}]', '{"messages": [{"ts": "x", "text": 3}]}', '[{"ts": "1611561120.1", "text": ""}]']) {
      const r = parseChat(t, 'slack');
      assert.ok(Array.isArray(r.messages));
    }
  });
});

describe('chat: KakaoTalk', () => {
  it('PC export in Korean: header skipped, day lines, 오전/오후, multi-line messages, system lines dropped', () => {
    const r = parseChat(read('kakao-pc-ko.txt'));
    assert.deepEqual(brief(r.messages), [
      ['2021-01-25T16:52', '김하준', '유저 DB 클러스터가 일부 구간 읽기를 거부합니다. SEV1 선언합니다.'],
      ['2021-01-25T16:55', '박서연', '로그인 타임아웃 확인. 화상회의 링크 공유드립니다'],
      ['2021-01-25T17:03', '정도원', '전체 서버 내리기로 결정했습니다'],
      ['2021-01-25T17:04', '최유진', '[공지] 공식 카페와 앱 팝업에 긴급 점검 공지 올렸습니다. 종료 예정 오후 7시'],
      ['2021-01-25T23:59', '정도원', '스냅샷 120대 중 118대 완료'],
      ['2021-01-26T00:07', '정도원', '원인은 디스크가 아니라 클러스터 저장소 할당량입니다'],
      ['2021-01-26T00:15', '배가원', '고객센터 문의 1,200건 넘었습니다'],
      ['2021-01-26T12:00', '김하준', '점심 교대합니다: 지휘는 계속 제가 합니다'],
    ]);
    assert.equal(r.messages[1].text, '로그인 타임아웃 확인. 화상회의 링크 공유드립니다\nhttps://meet.example.com/sev1');
    assert.equal(r.messages[5].text, '원인은 디스크가 아니라 클러스터 저장소 할당량입니다\n1) 할당량 초과 구간만 읽기 거부\n2) 데이터 자체는 온전함');
    assert.deepEqual(r.skipped, []);
  });

  it('PC export in English: 12 AM is midnight, 12 PM is noon', () => {
    const r = parseChat(read('kakao-pc-en.txt'));
    assert.deepEqual(brief(r.messages).map(([t, s]) => [t, s]), [
      ['2021-01-25T16:52', 'Kim Hajun'], ['2021-01-25T16:55', 'Park Seoyeon'], ['2021-01-25T23:59', 'Jung Dowon'],
      ['2021-01-26T00:07', 'Jung Dowon'], ['2021-01-26T12:30', 'Choi Yujin'],
    ]);
  });

  it('mobile export in Korean, over three days, with a join line and a multi-line message', () => {
    const r = parseChat(read('kakao-mobile-ko.txt'));
    assert.deepEqual(brief(r.messages).map(([t, s]) => [t, s]), [
      ['2021-01-25T16:52', '김하준'], ['2021-01-25T17:03', '정도원'], ['2021-01-25T23:59', '정도원'],
      ['2021-01-26T00:07', '정도원'], ['2021-01-26T00:40', '김하준'], ['2021-01-27T01:20', '최유진'],
    ]);
    assert.equal(r.messages[1].text, '전체 서버 내리기로 결정했습니다\n롤백은 하지 않습니다');
  });

  it('mobile export in English, "at" and US numeric dates', () => {
    const r = parseChat(read('kakao-mobile-en.txt'));
    assert.deepEqual(brief(r.messages).map(([t, s]) => [t, s]), [
      ['2021-01-25T16:52', 'Kim Hajun'], ['2021-01-25T23:59', 'Jung Dowon'], ['2021-01-26T00:07', 'Jung Dowon'], ['2021-01-26T12:30', 'Choi Yujin'],
    ]);
    assert.equal(r.messages[1].text, 'Snapshots 118/120\nsecond line of the same message');
  });

  it('iOS dotted dates', () => {
    assert.deepEqual(brief(parseChat(read('kakao-ios-ko.txt')).messages).map(([t]) => t), ['2021-01-25T16:52', '2021-01-26T00:07']);
  });

  it('PC lines copied without a day line take the given date and roll past midnight', () => {
    const r = parseChat('[김하준] [오후 11:50] 하나\n[김하준] [오전 12:10] 둘\n', 'kakao', { date: '2021-01-31' });
    assert.deepEqual(r.messages.map((m) => m.local), ['2021-01-31T23:50', '2021-02-01T00:10']);
    const none = parseChat('[김하준] [오후 11:50] 하나\n', 'kakao');
    assert.equal(none.undated, 1);
  });
});

describe('chat: plain lines', () => {
  it('dated lines over several days; an undated line takes the previous date', () => {
    const r = parseChat(read('lines-dated.txt'));
    assert.deepEqual(r.messages.map((m) => [m.local, m.sender, m.dateFrom]), [
      ['2021-01-25T16:52', 'hjkim', 'line'], ['2021-01-25T17:03', 'dwjung', 'line'], ['2021-01-25T23:59', 'dwjung', 'previous'],
      ['2021-01-26T00:07', 'dwjung', 'line'], ['2021-01-27T01:20:30', 'yjchoi', 'line'], ['2021-01-27T06:55', 'sypark', 'previous'],
    ]);
  });

  it('no date at all: the default date, and past midnight when the time goes back', () => {
    const r = parseChat(read('lines-undated.txt'), 'lines', { date: '2021-01-26' });
    assert.deepEqual(r.messages.map((m) => m.local), ['2021-01-26T23:40', '2021-01-26T23:58', '2021-01-27T00:12', '2021-01-27T01:00', '2021-01-27T03:05']);
    assert.equal(r.messages[2].text, 'shard 4 done, checksums match\n  all 3,112 ranges compared');
    assert.equal(parseChat(read('lines-undated.txt'), 'lines').undated, 5);
  });

  it('a URL colon is not a sender colon; a line without a sender keeps its text', () => {
    const r = parseChat('16:52 https://status.example.com is red\n[16:53] restart done\n', 'lines', { date: '2021-01-25' });
    assert.deepEqual(r.messages.map((m) => [m.sender, m.text]), [['', 'https://status.example.com is red'], ['', 'restart done']]);
  });

  it('CRLF and CR line breaks read the same as LF', () => {
    const lf = parseChat(read('lines-dated.txt'));
    assert.deepEqual(parseChat(read('lines-dated.txt').replace(/\n/g, '\r\n')).messages, lf.messages);
    assert.deepEqual(parseChat(read('kakao-pc-ko.txt').replace(/\n/g, '\r\n')).messages, parseChat(read('kakao-pc-ko.txt')).messages);
  });
});

describe('chat: kind guess and senders', () => {
  it('guesses kinds from the words, in both languages', () => {
    assert.equal(guessKind('[공지] 점검을 연장하기로 결정했습니다'), 'communication');
    assert.equal(guessKind('전체 서버 내리기로 결정했습니다'), 'decision');
    assert.equal(guessKind('We decided to roll forward'), 'decision');
    assert.equal(guessKind('고객 공지 올렸습니다'), 'communication');
    assert.equal(guessKind('Notice: new expected end 18:00'), 'communication');
    assert.equal(guessKind('원인은 저장소 할당량'), 'observation');
    assert.equal(guessKind('root cause: quota'), 'observation');
    assert.equal(guessKind('snapshots done'), 'note');
  });

  it('maps names, handles and honorifics to roster handles; ambiguous names to none', () => {
    const people = new Map([['hjkim', { name: '김하준' }], ['sypark', { name: 'Park Seoyeon' }], ['a1', { name: '이민' }], ['a2', { name: '이민' }]]);
    assert.equal(matchSender('김하준', people), 'hjkim');
    assert.equal(matchSender('김하준님', people), 'hjkim');
    assert.equal(matchSender('김하준 (인프라)', people), 'hjkim');
    assert.equal(matchSender('@HJKim', people), 'hjkim');
    assert.equal(matchSender('park  seoyeon', people), 'sypark');
    assert.equal(matchSender('이민', people), undefined);
    assert.equal(matchSender('someone', people), undefined);
  });
});
