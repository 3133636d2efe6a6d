// Checks: a .tsx file (JSX and types together) parses with the tsx parser; the readFile in a
// plain function is rewritten and the JSX is left as it is. Runs through the transpile step
// of test/execution (JSX becomes plain element objects there).
import * as fsp from 'node:fs/promises';

type Props = { lines: string[] };

export function Lines({ lines }: Props) {
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function printLines(file: string): void {
  (async () => {
    const text = await fsp.readFile(file, 'utf8');
    const element = <Lines lines={text.split('\n')} />;
    console.log('rendered', element.props.lines.length, 'lines');
  })();
  console.log('reading', file);
}

printLines('input.txt');
