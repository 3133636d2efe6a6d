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
    }
  }, { skipFunctions: true });
  const body = fn.body.body;
  const last = body[body.length - 1];
  if (last && last.type === 'ReturnStatement' && !last.argument && !last.comments?.length) body.pop();
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
