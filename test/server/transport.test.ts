// The other transport an editor may choose: `--node-ipc` (VS Code's default for Node servers).
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import { ensureBuilt, SERVER } from './lspClient';

describe('language server transports', function () {
  this.timeout(30000);

  it('initializes over --node-ipc', async () => {
    ensureBuilt();
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      const result = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { serverInfo: { name: string } };
      assert.equal(result.serverInfo.name, 'incident-command-language-server');
      await conn.sendRequest('shutdown');
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});
