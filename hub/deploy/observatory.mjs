// The MDN HTTP Observatory's verdict on responses from a local server (hub/deploy/observatory.py).
//   node hub/deploy/observatory.mjs URL...  ->  one JSON object per URL, one per line
// For each URL: the grade and score of the Observatory's own `scan` (its tests and grading,
// unchanged), and each test's result. `scan` refuses a status of 400 and above (a 404 page):
// for those the same tests run on the same response and the grade is null.
import { register } from "node:module";

register("./observatory_hooks.mjs", import.meta.url);

const { scan } = await import("@mdn/mdn-http-observatory");
const { ALL_TESTS } = await import("@mdn/mdn-http-observatory/src/constants.js");
const { retrieve } = await import("@mdn/mdn-http-observatory/src/retriever/retriever.js");

/** The name, result and pass of each test output. */
function summary(outputs) {
  return Object.fromEntries(
    outputs.map((output) => [output.constructor.name, { result: output.result, pass: output.pass }]),
  );
}

async function observe(url) {
  const requests = await retrieve(url);
  const status = requests.responses.auto?.status ?? null;
  if (status !== null && (status < 400 || [401, 403].includes(status))) {
    const result = await scan(url);
    return { url, status, grade: result.scan.grade, score: result.scan.score, tests: summary(Object.values(result.tests)) };
  }
  return { url, status, grade: null, score: null, tests: summary(ALL_TESTS.map((test) => test(requests))) };
}

for (const url of process.argv.slice(2)) {
  process.stdout.write(JSON.stringify(await observe(url)) + "\n");
}
