// docs/javascripts/shared/storage.js: stored state read like a file; refused saves reported.
import assert from "node:assert/strict";
import { test } from "node:test";

import { clearStored, readStored, writeStored } from "../../../docs/javascripts/shared/storage.js";
import { fakeStorage } from "../helpers/storage.mjs";

const read = (data) => (typeof data.n === "number" ? { value: { n: data.n } } : { problem: "n is not a number" });
const OPTIONS = { version: 2, read, migrate: { "old-key": (old) => ({ version: 2, n: old.count }) } };

test("nothing stored reads as null", () => {
  assert.deepEqual(readStored(fakeStorage(), "k", OPTIONS), { value: null });
});

test("a good value of this version is read through the tool's check", () => {
  assert.deepEqual(readStored(fakeStorage({ k: '{"version":2,"n":3}' }), "k", OPTIONS), { value: { n: 3 } });
  assert.deepEqual(readStored(fakeStorage({ k: '{"version":2,"n":"3"}' }), "k", OPTIONS), { problem: "n is not a number" });
});

const DAMAGED = [
  ["not JSON", "{oops", "What this browser kept for this page is damaged (it is not readable)."],
  ["null", "null", "What this browser kept for this page is damaged (it is not a saved state)."],
  ["a list", "[1,2]", "What this browser kept for this page is damaged (it is not a saved state)."],
  ["a string", '"hello"', "What this browser kept for this page is damaged (it is not a saved state)."],
  ["a string version", '{"version":"2","n":3}', 'What this browser kept for this page is version "2", and this page reads version 2.'],
  ["no version", '{"n":3}', "What this browser kept for this page is version null, and this page reads version 2."],
  ["a newer version", '{"version":3,"n":3}', "What this browser kept for this page is version 3, and this page reads version 2."],
];

for (const [name, text, problem] of DAMAGED) {
  test(`damaged storage is a problem to report, not a throw: ${name}`, () => {
    assert.deepEqual(readStored(fakeStorage({ k: text }), "k", OPTIONS), { problem });
  });
}

test("an older key is migrated, checked, moved to the new key and removed", () => {
  const storage = fakeStorage({ "old-key": '{"count":5}' });
  assert.deepEqual(readStored(storage, "k", OPTIONS), { value: { n: 5 } });
  assert.equal(storage.map.has("old-key"), false);
  assert.deepEqual(JSON.parse(storage.map.get("k")), { version: 2, n: 5 });
  assert.deepEqual(readStored(storage, "k", OPTIONS), { value: { n: 5 } });
  assert.deepEqual(readStored(fakeStorage({ "old-key": "{oops" }), "k", OPTIONS), {
    problem: "What this browser kept for this page (from an older version of it) is damaged.",
  });
});

test("an older key whose move the browser refuses stays where it was", () => {
  const storage = fakeStorage({ "old-key": '{"count":5}' }, { quota: 5 });
  assert.deepEqual(readStored(storage, "k", OPTIONS), { value: { n: 5 } });
  assert.equal(storage.map.get("old-key"), '{"count":5}');
  assert.equal(storage.map.has("k"), false);
});

test("storage the browser blocks is reported on read, write and clear", () => {
  const storage = fakeStorage({}, { blocked: true });
  const read = readStored(storage, "k", OPTIONS);
  assert.match(read.problem, /does not let the page read its storage/);
  assert.equal(read.blocked, true);
  assert.deepEqual(writeStored(storage, "k", 2, { n: 1 }), {
    problem: "This browser does not let the page save, so this was not saved: it will be gone after a reload.",
  });
  assert.deepEqual(clearStored(storage, "k"), { problem: "This browser did not let the page remove what it kept." });
});

test("a save over the quota is reported and what was saved before stays", () => {
  const storage = fakeStorage({}, { quota: 40 });
  assert.deepEqual(writeStored(storage, "k", 2, { n: 1 }), { ok: true });
  assert.deepEqual(writeStored(storage, "k", 2, { n: 1, big: "x".repeat(100) }), {
    problem: "This browser's storage for the site is full, so this was not saved: it will be gone after a reload.",
  });
  assert.deepEqual(readStored(storage, "k", OPTIONS), { value: { n: 1 } });
});

test("clear removes the key and the older ones", () => {
  const storage = fakeStorage({ k: '{"version":2,"n":1}', "old-key": "{oops" });
  assert.deepEqual(clearStored(storage, "k", "old-key"), { ok: true });
  assert.deepEqual(readStored(storage, "k", OPTIONS), { value: null });
});
