import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Project, ts } from 'ts-morph';
import { ProjectConfigError } from './config';

/** The TypeScript compiler API as ts-morph bundles it. */
export type TypeScript = typeof ts;

/** A project loaded read-only: only questions are asked of it, nothing is saved. */
export interface LoadedProject {
  ts: TypeScript;
  project: Project;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** Made on first use (it builds a program of its own over the same parsed files). */
  languageService(): ts.LanguageService;
  configPath: string;
  /** Absolute paths of the project's own source files (from the config, plus the run's files). */
  fileNames: Set<string>;
}

type TsMorph = typeof import('ts-morph');

let loaded: TsMorph | undefined;

/**
 * ts-morph, an optional peer dependency that only project mode needs, is not installed; the
 * message names it and says how to get it.
 */
export class MissingTsMorphError extends Error {
  override name = 'MissingTsMorphError';
  constructor() {
    super('ts-morph, an optional dependency of awaitify, is not installed (npm i -D ts-morph, in the project or beside awaitify)');
  }
}

/**
 * Installed beside awaitify (the peer dependency), or in the project being converted (so that
 * `npx awaitify-codemod --project` finds the project's own).
 */
function resolveTsMorph(projectDirectory: string): string | undefined {
  for (const from of [__filename, path.join(projectDirectory, 'package.json')]) {
    try {
      return createRequire(from).resolve('ts-morph');
    } catch {
      // not there; try the next place
    }
  }
  return undefined;
}

/** ts-morph and the compiler it bundles cost a few hundred milliseconds to load: only when asked. */
export async function loadTsMorph(projectDirectory: string): Promise<TsMorph> {
  if (loaded) return loaded;
  const resolved = resolveTsMorph(projectDirectory);
  if (!resolved) throw new MissingTsMorphError();
  loaded = (await import(resolved)) as TsMorph;
  return loaded;
}

/** Options project mode forces: JavaScript is part of the project (plain JS folders), nothing is emitted. */
const forcedOptions = { allowJs: true, noEmit: true, maxNodeModuleJsDepth: 0 } as const;

/** The files a config names, without loading them (for the automatic mode's cheap check). */
export async function listConfigFiles(configPath: string): Promise<string[]> {
  const { ts } = await loadTsMorph(path.dirname(configPath));
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { ...forcedOptions }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new ProjectConfigError(`${configPath}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    },
  });
  if (!parsed) throw new ProjectConfigError(`${configPath}: cannot be read`);
  return parsed.fileNames.map((file) => path.resolve(file));
}

/**
 * Loads the project a tsconfig.json or jsconfig.json describes, with `extraFiles` (the run's files)
 * added so that their calls are seen even when the config leaves them out.
 */
export async function loadProject(configPath: string, extraFiles: readonly string[]): Promise<LoadedProject> {
  const morph = await loadTsMorph(path.dirname(configPath));
  const { ts } = morph;
  let project: Project;
  try {
    // The program finds the files the project's files import; ts-morph need not do it first.
    project = new morph.Project({ tsConfigFilePath: configPath, compilerOptions: { ...forcedOptions }, skipFileDependencyResolution: true });
  } catch (error) {
    throw new ProjectConfigError(`${path.basename(configPath)}: ${(error as Error).message}`);
  }
  leaveOutNodeGlobals(ts, project);
  const fileNames = new Set(project.getSourceFiles().map((file) => path.resolve(file.getFilePath())));
  for (const file of extraFiles) {
    if (fileNames.has(file)) continue;
    project.addSourceFileAtPathIfExists(file);
    fileNames.add(file);
  }
  const program = project.getProgram().compilerObject;
  let languageService: ts.LanguageService | undefined;
  return {
    ts,
    project,
    program,
    checker: program.getTypeChecker(),
    languageService: () => (languageService ??= project.getLanguageService().compilerObject),
    configPath,
    fileNames,
  };
}

/**
 * Node's global types (@types/node, a third of a small project's parsing) answer none of project
 * mode's questions: the engine's own table knows Node's APIs, and a file that imports a core
 * module, or a library that references them, still brings them in. Other automatic @types
 * packages stay.
 */
function leaveOutNodeGlobals(ts: TypeScript, project: Project): void {
  const options = project.getCompilerOptions();
  const types = options.types ?? ts.getAutomaticTypeDirectiveNames(options, ts.sys);
  if (types.includes('node')) project.compilerOptions.set({ types: types.filter((name) => name !== 'node') });
}
