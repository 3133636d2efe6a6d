import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { some, type AnyNode } from '../shared/ast';
import type { ModuleBinding } from '../shared/module-bindings';
import { LocalApis } from './local-apis';
import {
  findPromisableApi,
  findRefusedApi,
  toNodeModuleName,
  type NodeModuleName,
  type PromisableApi,
  type RefusedApi,
} from './node-api-table';

/** A call of a Node core callback API. */
export interface CallSite {
  path: ASTPath<AnyNode>;
  call: AnyNode;
  module: NodeModuleName | 'local';
  name: string;
  /** The import the callee comes through; undefined for a function of this file. */
  binding?: ModuleBinding;
  /** Set when the table knows a promise form. */
  api?: PromisableApi;
  /** Set when the table refuses this API. */
  refused?: RefusedApi;
  /** The last argument when it is an inline function. */
  callback?: AnyNode;
}

function isInlineFunction(node: AnyNode): boolean {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

/** Is the path still where it was found: every link from it up to the root unchanged? */
export function isPathCurrent(path: ASTPath<AnyNode>): boolean {
  for (let current: AnyNode = path; current.parentPath; current = current.parentPath) {
    const holder = current.parentPath.value;
    if (!holder || holder[current.name] !== current.value) return false;
  }
  return true;
}

/** True when `name` at this path still means the module-level binding (not shadowed). */
function resolvesToModuleLevel(path: ASTPath<AnyNode>, name: string): boolean {
  const scope = path.scope?.lookup(name);
  return !!scope && (scope.isGlobal || scope.path?.value?.type === 'Program');
}

function calleeTarget(callee: AnyNode, bindings: ModuleBinding[]): { binding: ModuleBinding; name: string } | undefined {
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === callee.object.name && b.imported === undefined);
    return binding && { binding, name: callee.property.name };
  }
  if (callee.type === 'Identifier') {
    const binding = bindings.find((b) => b.local === callee.name && b.imported !== undefined);
    return binding && { binding, name: binding.imported! };
  }
  return undefined;
}

/**
 * Every call of a known Node callback module's function, or of a function of this file that
 * awaitify made async (`localApis`, by name), outermost first.
 */
export function findCallSites(
  j: JSCodeshift,
  root: Collection,
  bindings: ModuleBinding[],
  localApis: LocalApis = new LocalApis(),
  skip: (call: AnyNode) => boolean = () => false,
): CallSite[] {
  const moduleBindings = bindings.filter((binding) => toNodeModuleName(binding.specifier) !== undefined);
  if (moduleBindings.length === 0 && localApis.size === 0) return [];
  // A plain walk first: the path-building traversal below costs far more, so run it only when
  // some call could be a site.
  const candidate = (call: AnyNode) => !skip(call) && (calleeTarget(call.callee, moduleBindings) !== undefined || localApis.mayMatch(call.callee));
  if (!root.paths().some((path) => some(path.value, (node) => node.type === 'CallExpression' && candidate(node)))) return [];
  const sites: CallSite[] = [];
  root.find(j.CallExpression).forEach((path: ASTPath<AnyNode>) => {
    const call = path.value;
    if (!candidate(call)) return;
    const last = call.arguments[call.arguments.length - 1];
    const localApi = localApis.resolve(path, resolvesToModuleLevel);
    if (localApi) {
      sites.push({ path, call, module: 'local', name: localApi.name, api: localApi, callback: isInlineFunction(last) ? last : undefined });
      return;
    }
    const target = calleeTarget(call.callee, moduleBindings);
    if (!target) return;
    const local = call.callee.type === 'Identifier' ? call.callee.name : call.callee.object.name;
    if (!resolvesToModuleLevel(path, local)) return;
    const module = toNodeModuleName(target.binding.specifier)!;
    sites.push({
      path,
      call,
      module,
      name: target.name,
      binding: target.binding,
      api: findPromisableApi(module, target.name),
      refused: findRefusedApi(module, target.name),
      callback: isInlineFunction(last) ? last : undefined,
    });
  });
  return sites;
}
