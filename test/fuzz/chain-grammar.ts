import fc from 'fast-check';

/**
 * The grammar of generated promise-chain programs (then-to-await), beside the callback grammar
 * of grammar.ts and judged by the same oracle. A program is `async function main()` awaiting
 * one chain after another, each inside a try that prints what reached it, so only one chain is
 * pending at a time and the output order is fixed. A chain is a base promise and 1-4 links;
 * each handler prints, then gives a value, throws, returns a promise or gives nothing. Handler
 * parameters have names of their own (v1, e2, …), as a person would write them.
 */

export type HandlerResult = 'value' | 'throw' | 'promise' | 'none';

export type ChainLink =
  | { kind: 'then'; result: HandlerResult }
  | { kind: 'catch'; result: HandlerResult }
  | { kind: 'finally'; throws: boolean }
  | { kind: 'thenBoth'; result: HandlerResult; errorResult: HandlerResult };

export type ChainBase = 'resolved' | 'rejected' | 'readFile' | 'readMissing';

/** Where the chain's value goes: returned from a plain, async or arrow function, or awaited in main. */
export type ChainSink = 'returnPlain' | 'returnAsync' | 'arrow' | 'awaitDeclare' | 'awaitDiscard';

export interface ChainCase {
  base: ChainBase;
  links: ChainLink[];
  sink: ChainSink;
}

export interface ChainProgram {
  chains: ChainCase[];
}

const resultArb = fc.constantFrom<HandlerResult>('value', 'value', 'throw', 'promise', 'none');

const linkArb: fc.Arbitrary<ChainLink> = fc.oneof(
  { weight: 4, arbitrary: resultArb.map((result) => ({ kind: 'then' as const, result })) },
  { weight: 3, arbitrary: resultArb.map((result) => ({ kind: 'catch' as const, result })) },
  { weight: 1, arbitrary: fc.boolean().map((throws) => ({ kind: 'finally' as const, throws })) },
  { weight: 1, arbitrary: fc.record({ result: resultArb, errorResult: resultArb }).map((handlers) => ({ kind: 'thenBoth' as const, ...handlers })) },
);

const chainArb: fc.Arbitrary<ChainCase> = fc.record({
  base: fc.constantFrom<ChainBase>('resolved', 'rejected', 'readFile', 'readMissing'),
  links: fc.array(linkArb, { minLength: 1, maxLength: 4 }),
  sink: fc.constantFrom<ChainSink>('returnPlain', 'returnAsync', 'arrow', 'awaitDeclare', 'awaitDiscard'),
});

export const chainProgramArb: fc.Arbitrary<ChainProgram> = fc.record({ chains: fc.array(chainArb, { minLength: 1, maxLength: 3 }) });

function baseSource(base: ChainBase, index: number): string {
  switch (base) {
    case 'resolved':
      return `Promise.resolve(${index + 1})`;
    case 'rejected':
      return `Promise.reject(new Error('base ${index}'))`;
    case 'readFile':
      return "fsp.readFile('input.txt', 'utf8')";
    case 'readMissing':
      return "fsp.readFile('missing.txt', 'utf8')";
  }
}

/** A handler printing its input and giving its result; `name` is its parameter. */
function handlerSource(name: string, label: string, result: HandlerResult, isError: boolean): string {
  const seen = isError ? `${name}.message` : `typeof ${name} === 'string' ? ${name}.length : ${name}`;
  const give =
    result === 'value' ? `\n    return ${label.length};`
    : result === 'throw' ? `\n    throw new Error('${label}');`
    : result === 'promise' ? `\n    return Promise.resolve('${label}');`
    : '';
  return `(${name}) => {\n    console.log('${label}', ${seen});${give}\n  }`;
}

function linkSource(link: ChainLink, chain: number, position: number): string {
  const label = `c${chain}l${position}`;
  switch (link.kind) {
    case 'then':
      return `.then(${handlerSource(`v${chain}_${position}`, `${label} then`, link.result, false)})`;
    case 'catch':
      return `.catch(${handlerSource(`e${chain}_${position}`, `${label} catch`, link.result, true)})`;
    case 'finally':
      return `.finally(() => {\n    console.log('${label} finally');${link.throws ? `\n    throw new Error('${label} finally');` : ''}\n  })`;
    case 'thenBoth':
      return `.then(${handlerSource(`v${chain}_${position}`, `${label} value`, link.result, false)}, ${handlerSource(`e${chain}_${position}`, `${label} error`, link.errorResult, true)})`;
  }
}

/** CommonJS source for the sandbox of test/execution (input.txt exists, missing.txt does not). */
export function printChainProgram(program: ChainProgram): string {
  const functions: string[] = [];
  const steps: string[] = [];
  program.chains.forEach((chain, index) => {
    const expression = baseSource(chain.base, index) + chain.links.map((link, position) => linkSource(link, index, position)).join('');
    const name = `chain${index}`;
    let use: string;
    switch (chain.sink) {
      case 'returnPlain':
        functions.push(`function ${name}() {\n  return ${expression};\n}`);
        use = `console.log('${name} gave', await ${name}());`;
        break;
      case 'returnAsync':
        functions.push(`async function ${name}() {\n  return ${expression};\n}`);
        use = `console.log('${name} gave', await ${name}());`;
        break;
      case 'arrow':
        functions.push(`const ${name} = () => ${expression};`);
        use = `console.log('${name} gave', await ${name}());`;
        break;
      case 'awaitDeclare':
        use = `const r${index} = await ${expression};\n    console.log('${name} gave', r${index});`;
        break;
      case 'awaitDiscard':
        use = `await ${expression};\n    console.log('${name} done');`;
        break;
    }
    steps.push(`  try {\n    ${use}\n  } catch (err) {\n    console.log('${name} failed:', err.message);\n  }`);
  });
  return ["const fsp = require('fs/promises');", ...functions, `async function main() {\n${steps.join('\n')}\n}`, 'main();', ''].join('\n\n');
}

export function chainProgramAt(seed: number): ChainProgram {
  return fc.sample(chainProgramArb, { seed, numRuns: 1 })[0]!;
}
