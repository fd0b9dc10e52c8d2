// Which workspace config applies to a document, without a server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToUri, WorkspaceConfigs } from '../../src/server/workspace';

describe('server: workspace config resolution', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-ws-'));
    fs.mkdirSync(path.join(root, 'ws', 'team', 'incidents'), { recursive: true });
    fs.writeFileSync(path.join(root, '.incident-command.yaml'), 'timezone: Europe/Berlin\n');
    fs.writeFileSync(path.join(root, 'ws', 'team', '.incident-command.yaml'), 'timezone: Asia/Seoul\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('takes the nearest config at or above the file, not above the workspace folder', () => {
    const configs = new WorkspaceConfigs(() => undefined);
    configs.setFolders([pathToUri(path.join(root, 'ws'))]);
    assert.equal(configs.resolve(pathToUri(path.join(root, 'ws', 'team', 'incidents', 'a.incident.yaml'))).config.timezone, 'Asia/Seoul');
    assert.equal(configs.resolve(pathToUri(path.join(root, 'ws', 'b.incident.yaml'))).config.timezone, undefined);
  });

  it('prefers the live text of an open config, once invalidated', () => {
    const cfg = path.join(root, 'ws', 'team', '.incident-command.yaml');
    let live: string | undefined;
    const configs = new WorkspaceConfigs((p) => (p === cfg ? live : undefined));
    configs.setFolders([pathToUri(path.join(root, 'ws'))]);
    const doc = pathToUri(path.join(root, 'ws', 'team', 'incidents', 'a.incident.yaml'));
    assert.equal(configs.resolve(doc).config.timezone, 'Asia/Seoul');
    live = 'timezone: America/New_York\n';
    assert.equal(configs.resolve(doc).config.timezone, 'Asia/Seoul', 'cached until invalidated');
    configs.invalidate();
    assert.equal(configs.resolve(doc).config.timezone, 'America/New_York');
    assert.equal(configs.resolve(doc).path, cfg);
  });

  it('gives the defaults for documents that are not files', () => {
    const configs = new WorkspaceConfigs(() => undefined);
    assert.equal(configs.resolve('untitled:Untitled-1').path, undefined);
  });
});
