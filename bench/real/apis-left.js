'use strict';
// Why callback APIs stay callback-style: each API the counter found that did not convert, with
// the refusals (findings not applied) awaitify reported inside it. A refusal belongs to the
// innermost such API around its line; an API with none inside is "(no refusal found)" — the
// counter's idea of a callback API (by parameter name or use) is wider than awaitify's.

const path = require('path');

const NO_REFUSAL = '(no refusal found)';

/**
 * The APIs left: before-functions that took a callback and were not converted. Matched by name
 * as convertedApis does: when k of a name converted, its first k stand for them.
 */
function unconvertedApis(beforeFunctions, convertedNames) {
  const converted = new Map();
  for (const name of convertedNames) converted.set(name, (converted.get(name) || 0) + 1);
  const left = [];
  for (const fn of beforeFunctions) {
    if (!fn.callback || fn.converted) continue;
    const taken = converted.get(fn.name) || 0;
    if (taken > 0) converted.set(fn.name, taken - 1);
    else left.push(fn);
  }
  return left;
}

/** Refusals of a JSON report by library file (relative to root): [{line, reason}]. */
function refusalsByFile(report, root) {
  const byFile = new Map();
  for (const file of report ? report.files : []) {
    const relative = path.relative(root, path.resolve(root, file.path));
    for (const finding of file.findings || []) {
      if (finding.applied !== false) continue;
      if (!byFile.has(relative)) byFile.set(relative, []);
      byFile.get(relative).push({ line: finding.line, reason: `${finding.ruleId} ${finding.messageId}` });
    }
  }
  return byFile;
}

/** [{name, line, reasons}] for each API left, reasons distinct and sorted. */
function apisLeft(beforeFunctions, convertedNames, report, root) {
  const left = unconvertedApis(beforeFunctions, convertedNames).map((fn) => ({ ...fn, reasons: new Set() }));
  const refusals = refusalsByFile(report, root);
  for (const [file, list] of refusals) {
    const apis = left.filter((fn) => fn.file === file);
    for (const { line, reason } of list) {
      let innermost;
      for (const fn of apis) if (line >= fn.line && line <= fn.endLine && (!innermost || fn.line >= innermost.line)) innermost = fn;
      if (innermost) innermost.reasons.add(reason);
    }
  }
  return left.map((fn) => ({ name: fn.name, line: fn.line, reasons: fn.reasons.size > 0 ? [...fn.reasons].sort() : [NO_REFUSAL] }));
}

/**
 * Over packages [{package, apisLeft}]: per reason, how many APIs have it, how many have it as
 * their only reason, and the first one as an example. Most APIs first.
 */
function reasonTable(packages) {
  const rows = new Map();
  for (const { package: pkg, apisLeft: apis } of packages) {
    for (const api of apis || []) {
      for (const reason of api.reasons) {
        if (!rows.has(reason)) rows.set(reason, { reason, apis: 0, only: 0, example: `${pkg.replace(/@.*/, '')} ${api.name.replace(/:.*/, '')}:${api.line} ${api.name.replace(/^[^:]*:/, '')}` });
        const row = rows.get(reason);
        row.apis++;
        if (api.reasons.length === 1) row.only++;
      }
    }
  }
  return [...rows.values()].sort((a, b) => b.apis - a.apis || b.only - a.only || a.reason.localeCompare(b.reason));
}

module.exports = { apisLeft, reasonTable, unconvertedApis, NO_REFUSAL };
