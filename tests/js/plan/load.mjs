// Import one of the site's browser modules into Node. The site's scripts are ES modules in
// .js files with no package.json to say so (MkDocs would publish one from docs/), so the
// module's own text is imported as a module; a module that imports others cannot be.
import { readFile } from "node:fs/promises";

const ROOT = new URL("../../../", import.meta.url);

export async function loadModule(path) {
  const text = await readFile(new URL(path, ROOT), "utf8");
  if (/^\s*import\s/m.test(text)) throw new Error(`${path} imports other modules: load it another way`);
  return import(`data:text/javascript;base64,${Buffer.from(text).toString("base64")}`);
}
