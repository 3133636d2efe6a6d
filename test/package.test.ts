import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transforms } from '../src/transforms';
import { projectRoot } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

// The package as a user gets it: `npm pack` of this repository (dist/ as `npm test` built it),
// installed from the tarball into an empty project outside the repository, with packages from
// npm (the local npm cache first). Nothing of this repository is visible from there.

afterAll(removeTrees);

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
const versionOf = (name: string) => (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** npm's own variables from an enclosing `npm test` would point npm at this repository. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())));
}

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...cleanEnv(), NO_COLOR: '1', CI: 'true' } });
  const outcome = { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
  return { ...outcome, described: `${command} ${args.join(' ')} (in ${cwd}) exited ${outcome.code}\n${outcome.stdout}\n${outcome.stderr}` };
}

function npmOk(args: string[], cwd: string) {
  const result = sh('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], cwd);
  if (result.code !== 0) throw new Error(result.described);
  return result;
}

/** The tarball, packed once into `destination` (without running prepack: dist/ is already built), and what it holds. */
function pack(destination: string): { filename: string; files: string[] } {
  const result = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], projectRoot);
  if (result.code !== 0) throw new Error(result.described);
  const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { filename: packed.filename, files: packed.files.map((file) => file.path).sort() };
}

/** The consumer project the tarball is packed into (and, in the second group, installed in). */
let consumer = '';
let packed: { filename: string; files: string[] };

beforeAll(async () => {
  consumer = await makeTree({
    'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    'consumer.ts': consumerSource,
    'tsconfig.json': JSON.stringify(consumerTsconfig),
  });
  packed = pack(consumer);
});

async function listSources(directory: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(projectRoot, directory), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('npm pack', () => {
  let files: string[] = [];
  beforeAll(() => {
    files = packed.files;
  });

  it('holds what a user needs: the command, the library with its declarations, the jscodeshift entries, the rule docs, the schema, README and LICENSE', () => {
    const needed = [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/bin/awaitify.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'docs/rules.md',
      'docs/github-actions.yml',
      'schema/report.schema.json',
      ...transforms.flatMap(({ meta }) => [`dist/transforms/${meta.id}.js`, `dist/transforms/${meta.id}.d.ts`]),
    ];
    expect(needed.filter((file) => !files.includes(file))).toEqual([]);
    const targets = [...Object.values(manifest.bin), ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))];
    expect(targets.map((target) => path.posix.normalize(target)).filter((target) => !files.includes(target))).toEqual([]);
  });

  it('holds nothing else: every file under dist/ is the build of a source file of bin/, src/ or transforms/', async () => {
    const outside = files.filter((file) => !file.startsWith('dist/'));
    expect(outside).toEqual(['LICENSE', 'README.md', 'docs/github-actions.yml', 'docs/rules.md', 'package.json', 'schema/report.schema.json']);
    const sources = [...(await listSources('src')), ...(await listSources('transforms')), 'bin/awaitify.ts'];
    const built = new Set(sources.flatMap((source) => [`dist/${source.replace(/\.ts$/, '.js')}`, `dist/${source.replace(/\.ts$/, '.d.ts')}`]));
    built.delete('dist/bin/awaitify.d.ts');
    expect(files.filter((file) => file.startsWith('dist/') && !built.has(file))).toEqual([]);
    expect([...built].filter((file) => !files.includes(file))).toEqual([]);
  });
});

const CALLBACK_SAMPLE = "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";

const consumerSource = `import { formatReport, run, transformSource, type FileResult, type Report } from 'awaitify-codemod';
import callbacksToAsync, { parser } from 'awaitify-codemod/transforms/callbacks-to-async';

const source = ${JSON.stringify(CALLBACK_SAMPLE)};

export function convertOne(): FileResult {
  return transformSource(source, { path: 'a.js', transforms: ['callbacks-to-async'] });
}

export async function reportOn(directory: string): Promise<string> {
  const report: Report = await run({ paths: ['.'], cwd: directory, project: false });
  return formatReport(report, 'markdown');
}

export function throughJscodeshift(): { output: string | undefined; parser: string; reported: string[] } {
  const reported: string[] = [];
  const output = callbacksToAsync({ path: 'a.js', source }, { report: (message) => reported.push(message) }, { api: 'dual' });
  return { output, parser, reported };
}
`;

/** No skipLibCheck, no @types packages: the declarations must stand on their own. */
const consumerTsconfig = {
  compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out', declaration: true, types: [] },
  files: ['consumer.ts'],
};

describe('the tarball installed in an empty project', () => {
  /** The installed command, run as npm scripts run it (npx itself is checked once: it costs an npm start). */
  const awaitify = (args: string[], cwd = consumer) => sh(path.join(consumer, 'node_modules/.bin/awaitify'), args, cwd);

  beforeAll(() => {
    // prettier is the consumer's own choice here, installed beside awaitify as a user would.
    npmOk(['install', `./${packed.filename}`, `prettier@${versionOf('prettier')}`], consumer);
  });

  it('installs the command (npx awaitify --version prints the version) and brings neither ts-morph nor prettier', () => {
    const result = sh('npx', ['--no', '--', 'awaitify', '--version'], consumer);
    expect(result.code, result.described).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
    const lock = JSON.parse(readFileSync(path.join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
    expect(Object.keys(lock.packages).filter((name) => name.endsWith('node_modules/ts-morph'))).toEqual([]);
    expect(Object.keys(lock.packages[`node_modules/${manifest.name}`].dependencies ?? {})).not.toContain('prettier');
  });

  it('compiles a strict TypeScript consumer of transformSource, run, formatReport and a jscodeshift entry, which then runs', async () => {
    // This repository's own tsc (the same version a user pins): it resolves `awaitify-codemod`
    // from the consumer's node_modules, where no typescript is installed, so the declarations
    // must not need it. Installing a second typescript only cost time.
    const compiled = sh(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], consumer);
    expect(compiled.code, compiled.described).toBe(0);
    const directory = await makeTree({ 'b.js': CALLBACK_SAMPLE });
    const script = `const c = require('./out/consumer.js');
c.reportOn(${JSON.stringify(directory)}).then((markdown) => process.stdout.write(JSON.stringify({ one: c.convertOne(), markdown, jscodeshift: c.throughJscodeshift() })));`;
    const ran = sh(process.execPath, ['-e', script], consumer);
    expect(ran.code, ran.described).toBe(0);
    const { one, markdown, jscodeshift } = JSON.parse(ran.stdout) as { one: { status: string; output: string }; markdown: string; jscodeshift: { output: string; parser: string; reported: string[] } };
    expect(one.status).toBe('changed');
    expect(one.output).toContain("await fsp.readFile('a.txt', 'utf8')");
    expect(markdown).toContain('b.js');
    expect(jscodeshift.output).toBe(one.output);
    expect(jscodeshift.parser).toBe('babel');
    expect(jscodeshift.reported.some((line) => line.includes('timing/callback-moved-to-microtask'))).toBe(true);
  });

  it('project mode without ts-morph: --project exits 2 naming it; on its own it goes on file by file and says so', async () => {
    const project = path.join(consumer, 'app');
    await fs.mkdir(path.join(project, 'lib'), { recursive: true });
    await fs.writeFile(path.join(project, 'jsconfig.json'), JSON.stringify({ include: ['**/*.js'] }));
    await fs.writeFile(
      path.join(project, 'lib/store.js'),
      "const fs = require('fs');\nfunction list(cb) {\n  fs.readdir(__dirname, (err, names) => {\n    if (err) return cb(err);\n    cb(null, names.sort());\n  });\n}\nmodule.exports = { list };\n",
    );
    await fs.writeFile(path.join(project, 'main.js'), "const store = require('./lib/store');\nstore.list((err, names) => {\n  if (err) throw err;\n  console.log(names.length);\n});\n");

    const asked = awaitify(['app', '--project', 'app/jsconfig.json']);
    expect(asked.code, asked.described).toBe(2);
    expect(asked.stderr).toContain('ts-morph, an optional dependency of awaitify, is not installed (npm i -D ts-morph');
    expect(asked.stderr).toContain('Without --project each file is converted on its own');

    const automatic = awaitify(['app']);
    expect(automatic.code, automatic.described).toBe(0);
    expect(automatic.stderr).toContain('awaitify: project mode: app/jsconfig.json is in scope and list, a converted callback function, is used in app/main.js');
    expect(automatic.stderr).toContain('ts-morph, an optional dependency of awaitify, is not installed');
    expect(automatic.stdout).toContain('--- a/app/lib/store.js\n');
    // No file of the run uses the function: project mode could not matter, and nothing is said.
    const alone = awaitify(['app/lib']);
    expect(alone.code, alone.described).toBe(0);
    expect(alone.stdout).toContain('--- a/app/lib/store.js\n');
    expect(alone.stderr).not.toContain('project mode');

    // The project's own ts-morph (this repository's copy, linked in as pnpm installs packages) is found.
    await fs.mkdir(path.join(project, 'node_modules'), { recursive: true });
    await fs.symlink(path.join(projectRoot, 'node_modules', 'ts-morph'), path.join(project, 'node_modules', 'ts-morph'), 'dir');
    const withTsMorph = awaitify(['app', '--project', 'app/jsconfig.json', '--report', 'json']);
    expect(withTsMorph.code, withTsMorph.described).toBe(0);
    const report = JSON.parse(withTsMorph.stdout) as { summary: { project?: { callersConverted: number } } };
    expect(report.summary.project?.callersConverted).toBe(1);
  });

  it("--prettier uses the prettier installed for the converted file's project and its configuration; a project without one is left unformatted, and told", async () => {
    await fs.mkdir(path.join(consumer, 'styled'));
    await fs.writeFile(path.join(consumer, 'styled/a.js'), CALLBACK_SAMPLE);
    await fs.writeFile(path.join(consumer, '.prettierrc'), JSON.stringify({ semi: false }));
    const formatted = awaitify(['--prettier', 'styled']);
    expect(formatted.code, formatted.described).toBe(0);
    expect(formatted.stderr).not.toContain('prettier');
    expect(formatted.stdout).toContain('+const fsp = require("fs/promises")\n');

    // The same awaitify run on a project elsewhere that has a configuration but no prettier.
    const plain = await makeTree({ 'a.js': CALLBACK_SAMPLE, '.prettierrc': JSON.stringify({ semi: false }) });
    const unformatted = awaitify(['--prettier', '.'], plain);
    expect(unformatted.code, unformatted.described).toBe(0);
    expect(unformatted.stderr).toContain('awaitify: --prettier: no prettier is installed for a.js');
    expect(unformatted.stdout).toContain("+const fsp = require('fs/promises');\n");
  });
});

describe('first contact: npm install && npm run demo', () => {
  it('builds once: no install-time script builds, and the demo builds before it runs', () => {
    const installScripts = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
    expect(installScripts.filter((name) => manifest.scripts[name] !== undefined)).toEqual([]);
    expect(manifest.scripts.demo.match(/npm run build/g)).toHaveLength(1);
    expect(manifest.scripts.prepack).toBe('npm run build');
  });

  it('the demo (after the build) ends with one line that says what it showed, in numbers the run reported', () => {
    const demo = sh(process.execPath, [path.join(projectRoot, 'scripts/demo.js')], projectRoot);
    expect(demo.code, demo.described).toBe(0);
    const lines = demo.stdout.trimEnd().split('\n');
    const scanned = /^Scanned (\d+) files: (\d+) changed/m.exec(demo.stdout);
    expect(scanned, demo.described).not.toBeNull();
    expect(lines.at(-1)).toMatch(new RegExp(`^Demo: a dry run over examples/ \\(.*\\): ${scanned![2]} of ${scanned![1]} files would change .*; nothing was written\\.$`));
  });
});
