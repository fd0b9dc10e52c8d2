// secret-in-text and placeholder, the two rules both formats share: what they find, the exact
// range, what they leave alone, and that a message never repeats the secret.
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { findPlaceholders } from '../../src/core/rules/common/placeholder';
import { findSecrets, isPlaceholderSecret } from '../../src/core/rules/common/secret-in-text';

const SECRETS: [string, string, RegExp][] = [
  ['key AKIAQ3EGRMX5TESTKEY1 here', 'AKIAQ3EGRMX5TESTKEY1', /AWS access key id/],
  ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEZ', '', /./],
  ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYabcdefghij', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYabcdefghij', /AWS secret/],
  ['ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6', 'ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6', /GitHub/],
  ['github_pat_11ABCDEFG0123456789_abcdefghijKLMN', 'github_pat_11ABCDEFG0123456789_abcdefghijKLMN', /GitHub/],
  ['xoxp-2048-4096-aBcDeFgHiJkL', 'xoxp-2048-4096-aBcDeFgHiJkL', /Slack/],
  ['AIzaSyD3fGhJkLmN0pQrStUvWxYz123456789ab', 'AIzaSyD3fGhJkLmN0pQrStUvWxYz123456789ab', /Google/],
  ['Authorization: Bearer abcDEF1234567890ghijklmn', 'abcDEF1234567890ghijklmn', /bearer/],
  ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJlLW5vdA', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJlLW5vdA', /JSON Web Token/],
  ['mysql://root:Sup3rSecret9@db/game', 'Sup3rSecret9', /connection string/],
  ['PASSWD: "Tr0ub4dor&3"', '"Tr0ub4dor&3"', /password/],
  ['pwd=hunter22', 'hunter22', /password/],
];

describe('secret-in-text', () => {
  for (const [text, secret, kind] of SECRETS) {
    it(secret ? `finds ${kind.source} with the secret as its range` : `leaves the AWS docs example alone: ${text}`, () => {
      const hits = findSecrets(text);
      if (!secret) { assert.deepEqual(hits, []); return; }
      assert.equal(hits.length, 1, JSON.stringify(hits));
      assert.equal(text.slice(hits[0].start, hits[0].end), secret);
      assert.match(hits[0].kind.en, kind);
    });
  }

  it('never repeats the secret in a message, in either language', () => {
    for (const [line, secret] of SECRETS.filter(([, s]) => s)) {
      const text = `runbook: r\ntitle: T\nsteps:\n  - id: a\n    title: A\n    kind: check\n    notes: '${line.replace(/'/g, "''")}'\n`;
      for (const lang of ['en', 'ko'] as const) {
        const f = analyzeText(text, 'x.runbook.yaml', defaultConfig(), { lang }).findings.filter((x) => x.ruleId === 'secret-in-text');
        assert.equal(f.length, 1, `${line}: ${f.map((x) => x.message)}`);
        assert.ok(!f[0].message.includes(secret.replace(/"/g, '')), f[0].message);
        assert.match(f[0].message, lang === 'ko' ? /교체/ : /rotate/);
        assert.equal(text.slice(f[0].span[0], f[0].span[1]), secret);
      }
    }
  });

  it('leaves placeholders and prose alone', () => {
    for (const v of ['password=<from vault>', 'password=${DB_PASSWORD}', 'pwd=****', 'passwd: xxx', 'postgres://app:${PGPASSWORD}@db/game',
      'postgres://app:<pass>@db', 'the password: rotated', 'Authorization: Bearer $TOKEN', 'bearer tokens were refused', 'AKIAIOSFODNN7EXAMPLE']) {
      assert.deepEqual(findSecrets(v), [], v);
    }
    assert.ok(isPlaceholderSecret('"${X}"') && isPlaceholderSecret('redacted') && !isPlaceholderSecret('hunter22'));
  });

  it('reports the value of a key named like a secret, but not a sentence about it', () => {
    const text = 'incident: i\ntitle: T\nservice: s\nseverity: SEV3\nstatus: investigating\ntimezone: Asia/Seoul\ntimeline:\n  - at: 2026-11-20T10:00\n    kind: note\n    text: x\n    password: hunter22\n    token: kept in the team vault\n';
    const f = analyzeText(text, 'x.incident.yaml', defaultConfig(), { lang: 'en' }).findings.filter((x) => x.ruleId === 'secret-in-text');
    assert.deepEqual(f.map((x) => text.slice(x.span[0], x.span[1])), ['hunter22']);
  });
});

describe('placeholder', () => {
  it('finds TODO, TBD, FIXME, xxx and <...> with the word as its range', () => {
    const text = 'TODO: ask TBD, FIXME later, xxx or XXX, and <reason> or <how to undo>';
    assert.deepEqual(findPlaceholders(text).map((p) => p.word), ['TODO', 'TBD', 'FIXME', 'xxx', 'XXX', '<reason>', '<how to undo>']);
    assert.equal(findPlaceholders('ab <x>')[0].start, 3);
  });

  it('leaves addresses, operators, masks and secret references alone', () => {
    for (const v of ['mail <ops@example.com>', 'see <https://status.example.com>', 'a <= b and c >= d', 'sort < in > out', 'cat <<EOF',
      'call 010-XXXX-1234', 'a todo list', 'password=<from vault>', 'Authorization: token=<from vault>', 'diff <(ls a) <(ls b)']) {
      assert.deepEqual(findPlaceholders(v), [], v);
    }
  });

  it('reports inside block scalars at the word itself', () => {
    const text = 'runbook: r\ntitle: T\nsteps:\n  - id: a\n    title: A\n    kind: check\n    notes: |\n      first line\n      then TBD here\n';
    const f = analyzeText(text, 'x.runbook.yaml', defaultConfig(), { lang: 'ko' }).findings;
    assert.deepEqual(f.map((x) => [x.ruleId, text.slice(x.span[0], x.span[1])]), [['placeholder', 'TBD']]);
    assert.match(f[0].message, /[가-힣]/);
  });
});
