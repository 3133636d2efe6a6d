import type { ASTPath } from 'jscodeshift';
import { some, type AnyNode } from '../shared/ast';
import type { PromisableApi } from './node-api-table';

/**
 * `var stat = dereference ? fs.stat : fs.lstat; … stat(p, cb)`: a local variable set once to
 * one of a few known callback functions (of fs or a drop-in) and never assigned again. The
 * call goes through `util.promisify(stat)` looked up at the call, which is right whichever of
 * them the variable holds, when they all call back alike: once, later, with one value.
 */
export function knownFunctionThroughVariable(
  path: ASTPath<AnyNode>,
  call: AnyNode,
  resolveMember: (member: AnyNode, at: ASTPath<AnyNode>) => PromisableApi | undefined,
): { apis: PromisableApi[]; names: string[] } | undefined {
  const callee = call.callee;
  if (callee.type !== 'Identifier') return undefined;
  const scope = path.scope?.lookup(callee.name);
  if (!scope || scope.isGlobal || scope.path?.value?.type === 'Program') return undefined;
  const declared = scope.getBindings()[callee.name];
  if (!declared || declared.length !== 1) return undefined;
  const declarator = declared[0].parent?.value;
  if (!declarator || declarator.type !== 'VariableDeclarator' || declarator.id !== declared[0].value || !declarator.init) return undefined;
  const init = declarator.init;
  const members = init.type === 'ConditionalExpression' ? [init.consequent, init.alternate] : [init];
  if (!members.every((member: AnyNode) => member.type === 'MemberExpression' && !member.computed)) return undefined;
  const apis = members.map((member: AnyNode) => resolveMember(member, declared[0]));
  if (!callBackAlike(apis)) return undefined;
  if (isAssignedAgain(scope.path.value, callee.name)) return undefined;
  return { apis, names: members.map((member: AnyNode) => `${member.object.name}.${member.property.name}`) };
}

/** Several functions one call may reach that call back alike: once, later, one value, all void or none. */
export function callBackAlike(apis: Array<PromisableApi | undefined>): apis is PromisableApi[] {
  if (!apis.every((api) => api !== undefined && api.result.kind === 'value' && !api.valuesOnError)) return false;
  return new Set(apis.map((api) => Boolean(api!.voidResult))).size === 1;
}

function isAssignedAgain(scopeNode: AnyNode, name: string): boolean {
  return some(scopeNode, (node) =>
    (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name) ||
    (node.type === 'UpdateExpression' && node.argument.type === 'Identifier' && node.argument.name === name),
  );
}
