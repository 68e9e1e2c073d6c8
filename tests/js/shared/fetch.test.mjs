// docs/javascripts/shared/fetch.js: one request a visit while it succeeds; a failure is retried.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { jsonOnce } from "../../../docs/javascripts/shared/fetch.js";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A stand-in for fetch that answers from a list of statuses in turn, and records each call. */
function answering(...statuses) {
  const calls = [];
  globalThis.fetch = async (url) => {
    calls.push(String(url));
    const status = statuses[Math.min(calls.length, statuses.length) - 1];
    return { ok: status === 200, status, json: async () => ({ call: calls.length }) };
  };
  return calls;
}

test("every caller shares the one request while it succeeds", async () => {
  const calls = answering(200);
  const load = jsonOnce("https://hub.example/plan/actions.json");
  const [a, b] = await Promise.all([load(), load()]);
  assert.deepEqual(await load(), { call: 1 });
  assert.deepEqual([a, b], [{ call: 1 }, { call: 1 }]);
  assert.deepEqual(calls, ["https://hub.example/plan/actions.json"]);
});

test("a failed request is reported, forgotten, and asked again next time", async () => {
  const calls = answering(503, 200);
  const load = jsonOnce("https://hub.example/organisations/filter.json");
  await assert.rejects(load(), /filter\.json: 503/);
  assert.deepEqual(await load(), { call: 2 });
  assert.deepEqual(await load(), { call: 2 });
  assert.equal(calls.length, 2);
});

test("each file has its own request", async () => {
  const calls = answering(200);
  await jsonOnce("https://hub.example/a.json")();
  await jsonOnce("https://hub.example/b.json")();
  assert.deepEqual(calls, ["https://hub.example/a.json", "https://hub.example/b.json"]);
});
