import * as childProcess from 'node:child_process';
import * as crypto from 'node:crypto';
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  findPromisableApi,
  findRefusedApi,
  promisableApis,
  type NodeModuleName,
} from '../src/transforms/callbacks-to-async/node-api-table';

const modules: Record<NodeModuleName, Record<string, unknown>> = {
  fs,
  child_process: childProcess,
  dns,
  zlib,
  crypto,
};

/** Functions a module exports that could take a callback: not *Sync, not classes, not create*. */
function candidateNames(module: Record<string, unknown>): string[] {
  return Object.keys(module).filter(
    (name) => typeof module[name] === 'function' && !name.endsWith('Sync') && !/^[A-Z]/.test(name),
  );
}

describe('the Node API table', () => {
  it('maps or refuses, with a reason, every callback function of fs', () => {
    const missing = candidateNames(fs as unknown as Record<string, unknown>).filter(
      (name) => !findPromisableApi('fs', name) && !findRefusedApi('fs', name),
    );
    expect(missing).toEqual([]);
  });

  it('names only functions that exist on this Node, for the promise forms it uses', () => {
    for (const api of promisableApis) {
      if (!(api.module in modules)) continue;
      const module = modules[api.module as NodeModuleName];
      expect(typeof module[api.name], `${api.module}.${api.name}`).toBe('function');
      if (api.access === 'promises') {
        const promises = (module as { promises?: Record<string, unknown> }).promises;
        expect(typeof promises?.[api.name], `${api.module}.promises.${api.name}`).toBe('function');
      }
    }
  });

  it('describes object results exactly as util.promisify.custom resolves them', async () => {
    const { stdout, stderr } = await promisify(childProcess.execFile)(process.execPath, ['-e', 'process.stdout.write("x")']);
    expect({ stdout, stderr }).toEqual({ stdout: 'x', stderr: '' });
    expect(findPromisableApi('child_process', 'execFile')?.result).toEqual({ kind: 'object', keys: ['stdout', 'stderr'] });

    const lookup = await dns.promises.lookup('localhost');
    expect(Object.keys(lookup).sort()).toEqual(['address', 'family']);
    expect(findPromisableApi('dns', 'lookup')?.result).toEqual({ kind: 'object', keys: ['address', 'family'] });

    const fd = fs.openSync(__filename, 'r');
    try {
      const read = await promisify(fs.read)(fd, Buffer.alloc(4), 0, 4, 0);
      expect(Object.keys(read).sort()).toEqual(['buffer', 'bytesRead']);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('refuses, with a reason, the callback functions of the other modules it does not map', () => {
    for (const module of ['child_process', 'dns', 'zlib'] as const) {
      const missing = candidateNames(modules[module])
        .filter((name) => !name.startsWith('create'))
        .filter((name) => !findPromisableApi(module, name) && !findRefusedApi(module, name));
      expect(missing, module).toEqual([]);
    }
  });
});
