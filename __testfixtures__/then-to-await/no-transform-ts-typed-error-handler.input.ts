// Checks (refusal): a .catch handler whose parameter is typed `Error` cannot become a catch
// clause, which TypeScript allows only `any` or `unknown` on (TS1196): the chain stays a chain.
async function readName(load: () => Promise<string>): Promise<string> {
  return load()
    .then((text) => text.trim())
    .catch((err: Error) => `unknown (${err.message})`);
}

readName(async () => '  ada  ').then((name) => console.log(name));
