// Checks: TypeScript: typed callback parameters (`NodeJS.ErrnoException | null`, `string`),
// an interface and a type assertion; return style inside an exported function. Runs through
// the transpile step of test/execution.
import * as fsp from 'fs/promises';

interface Config {
  name: string;
  port: number;
}

export function loadConfig(file: string): void {
  (async () => {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (err: any) {
      console.error('failed', err.code);
      return;
    }
    const config = JSON.parse(text) as Config;
    console.log(config.name, config.port);
  })();
  console.log('loading', file);
}

loadConfig('config.json');
