// Checks: TypeScript: typed callback parameters (`NodeJS.ErrnoException | null`, `string`),
// an interface and a type assertion; return style inside an exported function. Runs through
// the transpile step of test/execution.
import * as fs from 'fs';

interface Config {
  name: string;
  port: number;
}

export function loadConfig(file: string): void {
  fs.readFile(file, 'utf8', (err: NodeJS.ErrnoException | null, text: string) => {
    if (err) {
      console.error('failed', err.code);
      return;
    }
    const config = JSON.parse(text) as Config;
    console.log(config.name, config.port);
  });
  console.log('loading', file);
}

loadConfig('config.json');
