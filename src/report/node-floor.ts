import { parseMinNodeMajor } from '../io/engines';
import type { FileResult, NodeFloorSummary } from '../types';

/**
 * The Node version the changed files need (the highest any of them needs, the first such file
 * in report order), against that file's engines.node. Undefined when nothing changed.
 */
export function summarizeNodeFloor(files: readonly FileResult[]): NodeFloorSummary | undefined {
  let floor: NodeFloorSummary | undefined;
  for (const file of files) {
    if (file.status !== 'changed' || !file.nodeFloor) continue;
    if (floor && file.nodeFloor.major <= floor.major) continue;
    const enginesMajor = file.enginesNode === undefined ? undefined : parseMinNodeMajor(file.enginesNode);
    floor = {
      ...file.nodeFloor,
      path: file.path,
      ...(file.enginesNode !== undefined && { engines: file.enginesNode }),
      outdated: enginesMajor === undefined || enginesMajor < file.nodeFloor.major,
    };
  }
  return floor;
}

/** One sentence for the text and Markdown reports. */
export function describeNodeFloor(floor: NodeFloorSummary): string {
  const need = `The rewritten files need Node >= ${floor.major} (${floor.feature}, in ${floor.path})`;
  if (floor.engines === undefined) return `${need}; package.json declares no engines.node: add "engines": { "node": ">=${floor.major}" }.`;
  if (!floor.outdated) return `${need}; engines.node "${floor.engines}" already requires it.`;
  return `${need}; package.json allows "${floor.engines}": update engines.node to ">=${floor.major}".`;
}
