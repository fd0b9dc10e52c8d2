// Language choice and message formatting, without an editor.
import * as assert from 'node:assert/strict';
import { formatMessage, resolveLanguage, translate } from '../../src/extension/messages';

describe('extension: message language', () => {
  it('takes the setting, then the workspace config, then the display language', () => {
    assert.equal(resolveLanguage('en', 'ko', 'ko'), 'en');
    assert.equal(resolveLanguage('ko', undefined, 'en-US'), 'ko');
    assert.equal(resolveLanguage('auto', 'ko', 'en'), 'ko');
    assert.equal(resolveLanguage('auto', undefined, 'ko'), 'ko');
    assert.equal(resolveLanguage('auto', undefined, 'ko-KR'), 'ko');
    assert.equal(resolveLanguage(undefined, undefined, 'zh-cn'), 'en');
    assert.equal(resolveLanguage(42, undefined, 'kok'), 'en');
  });

  it('fills positional and named placeholders and leaves others alone', () => {
    assert.equal(formatMessage('stopped {0} times; {1}', [5, 'sorry']), 'stopped 5 times; sorry');
    assert.equal(formatMessage('{name} at {at}', { name: 'lcw', at: '21:05' }), 'lcw at 21:05');
    assert.equal(formatMessage('flow style ({...}) and {9}', []), 'flow style ({...}) and {9}');
  });

  it('translates from a bundle, falling back to English', () => {
    const bundle = { 'Rule {0}': '규칙 {0}', 'Commented': { message: '주석 {0}', comment: ['why'] } };
    assert.equal(translate(bundle, 'Rule {0}', ['x']), '규칙 x');
    assert.equal(translate(bundle, 'Commented', ['y']), '주석 y');
    assert.equal(translate(bundle, 'Missing {0}', ['z']), 'Missing z');
    assert.equal(translate(undefined, 'Missing', []), 'Missing');
  });
});
