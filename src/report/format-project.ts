import type { ProjectSummary } from '../types';
import { plural } from './format-summary';

const reasons: Record<string, string> = {
  'outside-run': "outside the run's paths",
  'not-converted': 'left as it was',
  'used-as-value': 'used as a value',
  unresolved: 'a call on a value of no known type',
};

/**
 * What project mode did, for people: whether it was asked for or turned itself on (and why),
 * what converted across files, and every caller left with a callback (kept working by the dual API).
 */
export function describeProjectMode(project: ProjectSummary): string[] {
  const how = project.mode === 'automatic' ? `on by itself: ${project.reason ?? 'a callback API crosses files'}` : 'asked for with --project';
  const promiseOnly = project.apis.filter((api) => !api.dual).length;
  const lines = [
    `Project mode (${project.config}, ${how}): ${plural(project.files, 'file')} analysed; ` +
      `${plural(project.apis.length, 'callback function')} called across files, ${plural(project.callersConverted, 'call')} in other files converted, ` +
      `${promiseOnly} dropped the callback form, ${project.typedCalls} typed ${project.typedCalls === 1 ? 'API call' : 'API calls'} converted, ` +
      `${plural(project.interfacesUpdated, 'interface member')} updated.`,
  ];
  if (project.callersLeft.length > 0) {
    lines.push(`Callers left with a callback (they keep working through the dual API): ${project.callersLeft
      .map((caller) => `${caller.path}:${caller.line}:${caller.column} ${caller.name} of ${caller.definedIn} (${reasons[caller.reason]})`)
      .join('; ')}.`);
  }
  return lines;
}
