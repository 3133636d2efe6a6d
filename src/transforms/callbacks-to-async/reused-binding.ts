import { isFunctionNode, isLoop, isReferenceIdentifier, patternNames, referencesName, walk, type AnyNode } from '../shared/ast';
import type { CallbackShape } from './callback-shape';
import type { CallSite } from './detect';

/**
 * The callback's one value shadows a parameter of an enclosing function that the call itself
 * reads: `symlinkType(p, type, function (err, type) { … })` in `function createSymlink(src,
 * dst, type, callback)`. `const type = await symlinkType(p, type)` would read the new binding
 * before it exists; `type = await symlinkType(p, type)` reads the parameter, then sets it.
 *
 * Setting the parameter instead of declaring a new name is the same program when nothing reads
 * the parameter after the operation started: every other reference to it in its function comes
 * before the callback in source order, outside any loop or other function that could run it
 * again later, the error handler (which saw the callback's own binding) does not read it, and
 * the body does not run on the error path (where the callback's value was undefined).
 * Returns the name to assign, or undefined.
 */
export function reusableParameter(site: CallSite, shape: CallbackShape, ancestors: AnyNode[]): string | undefined {
  const [value, ...more] = shape.valueParams;
  if (more.length > 0 || value?.type !== 'Identifier' || value.typeAnnotation) return undefined;
  const name: string = value.name;
  const style = shape.errorStyle;
  if (style.kind === 'catch' && style.handler.some((statement) => referencesName(statement, name))) return undefined;
  // Where the body also runs on the error path (captured or ignored errors) it read `undefined`
  // there; the parameter would still hold its old value.
  if (style.kind === 'capture' || style.kind === 'ignore') return undefined;
  const owner = parameterOwner(ancestors, name);
  if (!owner) return undefined;
  return onlyReadBefore(owner, site, name, ancestors) ? name : undefined;
}

/**
 * The function whose parameter `name` is, when the path from the call up to it declares
 * `name` nowhere else and only passes through inline callbacks handed to calls (each runs
 * once per operation, as flattening makes it), never a loop or a named function.
 */
function parameterOwner(ancestors: AnyNode[], name: string): AnyNode | undefined {
  for (let i = 0; i < ancestors.length; i++) {
    const node = ancestors[i];
    if (isLoop(node)) return undefined;
    if (!isFunctionNode(node)) {
      if (declaresInBlock(node, name)) return undefined;
      continue;
    }
    // `type = false` too: the default the optional-argument shift gave it.
    const simple = (param: AnyNode): AnyNode => (param.type === 'AssignmentPattern' ? param.left : param);
    if (node.params.some((param: AnyNode) => simple(param).type === 'Identifier' && simple(param).name === name)) return node;
    if (node.params.some((param: AnyNode) => patternNames(param).includes(name))) return undefined;
    const parent = ancestors[i + 1];
    const isCallArgument = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(node);
    if (!isCallArgument || isIteration(parent.callee)) return undefined;
  }
  return undefined;
}

/** Every reference to `name` in `owner` outside the callback comes before it, and in no other function. */
function onlyReadBefore(owner: AnyNode, site: CallSite, name: string, ancestors: AnyNode[]): boolean {
  // The functions between the owner and the call are the callbacks flattened into the owner.
  const onTheWay = new Set(ancestors);
  let passed = false;
  let fine = true;
  walk(owner, (node, parent) => {
    if (!fine) return false;
    if (node === site.callback) {
      passed = true;
      return false;
    }
    if (node !== owner && isFunctionNode(node) && !onTheWay.has(node)) {
      if (referencesName(node, name)) fine = false;
      return false;
    }
    if (passed && node.type === 'Identifier' && node.name === name && isReferenceIdentifier(node, parent)) fine = false;
    return fine;
  });
  return fine && passed;
}

/** A block or list that declares `name` with let, const, class or function. */
function declaresInBlock(node: AnyNode, name: string): boolean {
  const body: AnyNode[] | undefined = node.type === 'BlockStatement' || node.type === 'Program' ? node.body : undefined;
  if (!body) return false;
  return body.some((statement) =>
    (statement.type === 'VariableDeclaration' && statement.declarations.some((declarator: AnyNode) => patternNames(declarator.id).includes(name))) ||
    ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id?.name === name),
  );
}

const iterationMethods = new Set(['forEach', 'map', 'filter', 'some', 'every', 'reduce', 'reduceRight', 'find', 'findIndex', 'flatMap']);

/** `list.forEach(…)` and alike: the function runs once per item, not once per operation. */
function isIteration(callee: AnyNode): boolean {
  return callee?.type === 'MemberExpression' && !callee.computed && iterationMethods.has(callee.property?.name);
}
