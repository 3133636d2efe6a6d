import { isIdentifierNamed, walk, type AnyNode } from '../shared/ast';

/**
 * Small clean-ups that leave behaviour exactly as it is, for code that the callback rewrite
 * made awkward: `try { x } catch (e) { throw e; }` is `x`, and a bare `return;` that ends a
 * function body does nothing.
 */
export function tidyConvertedFunction(fn: AnyNode): void {
  walk(fn.body, (node) => {
    for (const key of ['body', 'consequent']) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        if (isRethrowOnly(list[i])) {
          const inner = list[i].block.body;
          list.splice(i, 1, ...inner);
          i += inner.length - 1;
        }
      }
      dropUnreachable(list);
      returnAwaitDirectly(list);
    }
  }, { skipFunctions: true });
  dropTailReturn(fn.body.body);
}

/**
 * A bare `return;` last in the body ends nothing; nor does one last in a block of an if that
 * ends the body (`else { await unlink(p); return; }`), while the block keeps something else,
 * nor an `else { return; }` there, which goes whole.
 */
function dropTailReturn(list: AnyNode[], inBranch = false): void {
  const last = list[list.length - 1];
  if (!last) return;
  if (last.type === 'ReturnStatement' && !last.argument && !last.comments?.length && (!inBranch || list.length > 1)) {
    list.pop();
    return;
  }
  if (last.type !== 'IfStatement') return;
  // `else { return; }` (or `else return;`) ending the body does nothing: the else goes.
  const alternate = last.alternate?.type === 'BlockStatement' && last.alternate.body.length === 1 ? last.alternate.body[0] : last.alternate;
  if (alternate?.type === 'ReturnStatement' && !alternate.argument && !alternate.comments?.length && !last.alternate.comments?.length) last.alternate = null;
  for (const branch of [last.consequent, last.alternate]) {
    if (branch?.type === 'BlockStatement') dropTailReturn(branch.body, true);
    else if (branch?.type === 'IfStatement') dropTailReturn([branch], true);
  }
}

/** Statements after a return or throw in the same list never run (function declarations hoist). */
function dropUnreachable(list: AnyNode[]): void {
  const exit = list.findIndex((statement) => statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement');
  if (exit === -1) return;
  for (let i = list.length - 1; i > exit; i--) {
    if (list[i].type !== 'FunctionDeclaration' && !list[i].comments?.length) list.splice(i, 1);
  }
}

/** `const v = await x; return v;` is `return await x;` when nothing else reads `v`. */
function returnAwaitDirectly(list: AnyNode[]): void {
  const [declaration, ret] = list.slice(-2);
  if (!declaration || !ret || declaration.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) return;
  const [declarator] = declaration.declarations;
  if (declarator.id.type !== 'Identifier' || declarator.id.typeAnnotation || declarator.init?.type !== 'AwaitExpression') return;
  if (ret.type !== 'ReturnStatement' || !isIdentifierNamed(ret.argument, declarator.id.name) || declaration.comments?.length) return;
  ret.argument = declarator.init;
  list.splice(list.length - 2, 1);
}

/** `try { … } catch (e) { throw e; }` whose block declares nothing block-scoped. */
function isRethrowOnly(statement: AnyNode): boolean {
  if (statement.type !== 'TryStatement' || statement.finalizer || !statement.handler?.param) return false;
  const handlerBody = statement.handler.body.body;
  if (handlerBody.length !== 1 || handlerBody[0].type !== 'ThrowStatement') return false;
  if (!isIdentifierNamed(handlerBody[0].argument, statement.handler.param.name)) return false;
  return !statement.block.body.some((inner: AnyNode) =>
    (inner.type === 'VariableDeclaration' && inner.kind !== 'var') || inner.type === 'ClassDeclaration' || inner.type === 'FunctionDeclaration',
  );
}
