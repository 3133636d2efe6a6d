'use strict';
// The token diff the noise counter stands on (noise.js, style-lines.js): which code tokens of a
// file came through a rewrite unchanged, whitespace and semicolons aside.

const { diffArrays } = require('diff');

/** The tokens compared: no comments, no semicolons, no end of file. Strings compare by value, so a quote change is spacing. */
function codeTokens(ast) {
  return ast.tokens.filter((token) => typeof token.type !== 'string' && token.type.label !== ';' && token.type.label !== 'eof');
}

function tokenKey(token) {
  const value = token.value === undefined ? '' : typeof token.value === 'object' ? JSON.stringify(token.value) : String(token.value);
  return `${token.type.label}\u0000${value}`;
}

/** Each line that holds code: its tokens' indexes and a key of their texts. */
function codeLines(tokens) {
  const lines = [];
  let line = -1;
  tokens.forEach((token, index) => {
    if (token.loc.start.line !== line) {
      line = token.loc.start.line;
      lines.push({ key: '', tokens: [] });
    }
    lines[lines.length - 1].key += `${tokenKey(token)}\u0001`;
    lines[lines.length - 1].tokens.push(index);
  });
  return lines;
}

/**
 * after token index → before token index, for the tokens a whitespace- and
 * semicolon-insensitive diff keeps: lines first (a moved line is one unit), then the tokens of
 * each changed stretch of lines.
 */
function matchTokens(beforeTokens, afterTokens) {
  const matched = new Map();
  const beforeLines = codeLines(beforeTokens);
  const afterLines = codeLines(afterTokens);
  let b = 0;
  let a = 0;
  let removed = [];
  let added = [];
  const matchStretch = () => {
    if (removed.length > 0 && added.length > 0) {
      let i = 0;
      let k = 0;
      for (const part of diffArrays(removed.map((index) => tokenKey(beforeTokens[index])), added.map((index) => tokenKey(afterTokens[index])))) {
        if (part.added) k += part.count;
        else if (part.removed) i += part.count;
        else for (let n = 0; n < part.count; n++) matched.set(added[k++], removed[i++]);
      }
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays(beforeLines.map((line) => line.key), afterLines.map((line) => line.key))) {
    if (part.removed) for (let n = 0; n < part.count; n++) removed.push(...beforeLines[b++].tokens);
    else if (part.added) for (let n = 0; n < part.count; n++) added.push(...afterLines[a++].tokens);
    else {
      matchStretch();
      for (let n = 0; n < part.count; n++) {
        const [from, to] = [beforeLines[b++].tokens, afterLines[a++].tokens];
        from.forEach((index, i) => matched.set(to[i], index));
      }
    }
  }
  matchStretch();
  return matched;
}

function tokensByLine(tokens) {
  const lines = new Map();
  tokens.forEach((token, index) => {
    const line = token.loc.start.line;
    if (!lines.has(line)) lines.set(line, []);
    lines.get(line).push(index);
  });
  return lines;
}

module.exports = { codeTokens, tokenKey, codeLines, matchTokens, tokensByLine };
