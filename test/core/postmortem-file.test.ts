// The marker line and the rule that a file a person edited is never overwritten.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { decideWrite, freshPath, incidentBaseName, isUntouched, postmortemPathFor, readMarker, withMarker } from '../../src/core/postmortem-file';

const INFO = { source: 'a.incident.yaml', style: 'ndc', lang: 'ko' };

describe('postmortem file: marker and overwrite rule', () => {
  const v1 = withMarker('# one\n', INFO);
  const v2 = withMarker('# two\n', INFO);

  it('starts with a marker holding the hash of what follows', () => {
    assert.match(v1, /^<!-- incident-command:postmortem sha256=[0-9a-f]{64} source=a\.incident\.yaml style=ndc lang=ko -->\n# one\n$/);
    assert.equal(readMarker(v1)?.body, '# one\n');
    assert.ok(isUntouched(v1));
  });

  it('creates, leaves alone what is current, and replaces an untouched earlier generation', () => {
    assert.equal(decideWrite(undefined, v1), 'create');
    assert.equal(decideWrite(v1, v1), 'unchanged');
    assert.equal(decideWrite(v1, v2), 'overwrite');
    assert.equal(decideWrite(v1.replace(/\n/g, '\r\n'), v2), 'overwrite', 'line endings are not an edit');
  });

  it('never overwrites a file edited by a person, or one it did not write, unless forced', () => {
    const edited = v1.replace('# one', '# one, with our notes');
    assert.equal(decideWrite(edited, v2), 'edited');
    assert.equal(decideWrite('# my own notes\n', v2), 'foreign');
    assert.equal(decideWrite(edited, v2, true), 'overwrite');
    assert.ok(!isUntouched(edited));
  });

  it('keeps the marker a single comment whatever the file names hold', () => {
    const m = withMarker('x\n', { source: 'a --> b\nc.incident.yaml', style: 'ndc', lang: 'en' });
    assert.equal(m.split('\n')[0].match(/-->/g)?.length, 1);
    assert.ok(isUntouched(m));
  });
});

describe('postmortem file: where it goes', () => {
  const log = path.join('/w', 'incidents', '2021-01-25-db.incident.yaml');

  it('goes beside the log by default', () => {
    assert.equal(incidentBaseName(log), '2021-01-25-db');
    assert.equal(postmortemPathFor(log), path.join('/w', 'incidents', '2021-01-25-db.postmortem.md'));
  });

  it('goes to a configured folder, or a {name} pattern, relative to the given base', () => {
    assert.equal(postmortemPathFor(log, 'postmortems', '/w'), path.join('/w', 'postmortems', '2021-01-25-db.postmortem.md'));
    assert.equal(postmortemPathFor(log, 'docs/{name}/README.md', '/w'), path.join('/w', 'docs', '2021-01-25-db', 'README.md'));
  });

  it('offers the first free name for "save as a new file"', () => {
    const taken = new Set(['/w/x.postmortem-2.md']);
    assert.equal(freshPath('/w/x.postmortem.md', (p) => taken.has(p)), '/w/x.postmortem-3.md');
  });
});
