// Module hooks for hub/deploy/observatory.mjs: the MDN HTTP Observatory's own scan, pointed at
// one address of a local server instead of a host name's ports 80 and 443.
// - its retriever is replaced by ours (observatory_retriever.mjs), which fetches that address
//   with the Observatory's own HTTP session;
// - its HSTS preload lookup reads a list that only its install script downloads (installs here
//   run with --ignore-scripts); 127.0.0.1 is in no preload list, so the lookup finds nothing.
const RETRIEVER = "/@mdn/mdn-http-observatory/src/retriever/retriever.js";
const PRELOAD = "/@mdn/mdn-http-observatory/src/analyzer/hsts.js";
const NOT_PRELOADED = "export function hsts() { return new Map(); }\nexport function isHstsPreloaded() { return null; }\n";

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.endsWith(RETRIEVER)) {
    return { ...resolved, url: new URL("./observatory_retriever.mjs", import.meta.url).href };
  }
  return resolved;
}

export async function load(url, context, nextLoad) {
  if (url.endsWith(PRELOAD)) {
    return { format: "module", source: NOT_PRELOADED, shortCircuit: true };
  }
  return nextLoad(url, context);
}
