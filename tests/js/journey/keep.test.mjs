// What the journey pages keep in this browser (with the visitor's consent), read back like a
// file: docs/javascripts/journey/groups.js (readKept, readGroupCounts, readKeptRows) and each
// analysis's keepData and readState (funnel.js, change.js, pay.js). A value that cannot be used
// gives a problem and nothing else.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as change from "../../../docs/javascripts/journey/change.js";
import * as funnel from "../../../docs/javascripts/journey/funnel.js";
import { readGroupCounts, readKept, readKeptResults } from "../../../docs/javascripts/journey/groups.js";
import * as pay from "../../../docs/javascripts/journey/pay.js";

const config = JSON.parse(readFileSync(new URL("../fixtures/compare-config.json", import.meta.url), "utf8"));
const counts = (professional, intermediate, lower, notClassified) => ({ professional, intermediate, lower, "not-classified": notClassified });
// What writeStored keeps (the version is checked by shared/storage.js before readState).
const kept = (data, extra = {}) => JSON.parse(JSON.stringify({ version: 1, fileName: "round.csv", view: "publication", data, ...extra }));
const DAMAGED = (what) => ({ problem: `What this browser kept for this page is damaged (${what}).` });

test("the three keys follow the calculator's pattern, employer-hub:<feature>", () => {
  assert.deepEqual([funnel.STORE, change.STORE, pay.STORE], [
    { key: "employer-hub:funnel", version: 1 },
    { key: "employer-hub:change", version: 1 },
    { key: "employer-hub:pay-gap", version: 1 },
  ]);
});

test("kept counts: every group a whole number of people, or nothing", () => {
  assert.deepEqual(readGroupCounts(config, counts(3, 0, 2, 1)), counts(3, 0, 2, 1));
  for (const bad of [null, [], "3", { professional: 3 }, counts(3, 0, -2, 1), counts(3, 0.5, 2, 1), counts("3", 0, 2, 1), counts(3, 0, 2, Infinity)]) {
    assert.equal(readGroupCounts(config, bad), null, JSON.stringify(bad));
  }
});

test("the file's name and the view are checked before the results", () => {
  const read = (data) => ({ value: data });
  assert.deepEqual(readKept({ fileName: "a.csv", view: "analysis", data: 1 }, read), { value: { data: 1, fileName: "a.csv", view: "analysis" } });
  assert.deepEqual(readKept({ fileName: 7, view: "analysis", data: 1 }, read), DAMAGED("the file's name is not text"));
  assert.deepEqual(readKept({ fileName: "x".repeat(1001), view: "analysis", data: 1 }, read), DAMAGED("the file's name is not text"));
  assert.deepEqual(readKept({ fileName: "a.csv", view: "everything", data: 1 }, read), DAMAGED("the view is not one this page has"));
});

const STAGES = [
  { name: "applied", counts: counts(200, 100, 150, 50) },
  { name: "hired", counts: counts(18, 8, 6, 4) },
];

test("the funnel keeps each stage's name and counts, and reads them back", () => {
  const read = funnel.readFunnel("stage,answer,count\napplied,professional,200\napplied,clerical,100\napplied,routine,150\napplied,other,50\nhired,professional,18\nhired,clerical,8\nhired,routine,6\nhired,other,4\n", config);
  assert.deepEqual(funnel.keepData(read.stages), STAGES);
  assert.deepEqual(funnel.readState(kept(funnel.keepData(read.stages)), config), { value: { data: STAGES, fileName: "round.csv", view: "publication" } });
});

const BAD_STAGES = [
  ["not a list", { applied: 1 }, "there are no stages"],
  ["no stages", [], "there are no stages"],
  ["a stage with no name", [{ name: "", counts: counts(1, 1, 1, 1) }], "a stage has no name, or a name twice"],
  ["a name twice", [STAGES[0], STAGES[0]], "a stage has no name, or a name twice"],
  ["a group missing", [{ name: "applied", counts: { professional: 1 } }], 'a count at the stage "applied" is not a count'],
  ["a negative count", [{ name: "applied", counts: counts(1, -1, 1, 1) }], 'a count at the stage "applied" is not a count'],
  ["a later stage larger", [STAGES[1], STAGES[0]], "a stage has more people than the stage before it"],
];

for (const [name, data, what] of BAD_STAGES) {
  test(`a kept funnel is damaged: ${name}`, () => {
    assert.deepEqual(funnel.readState(kept(data), config), DAMAGED(what));
  });
}

test("change over time keeps each round's counts and headcount; the answers are worked out again", () => {
  const read = change.readRounds("round,answer,count\n2025,professional,12\n2025,routine,9\n2025,other,3\n2025,headcount,30\n2026,clerical,4\n", config);
  const data = change.keepData(read.rounds);
  assert.deepEqual(data, [
    { name: "2025", counts: counts(12, 0, 9, 3), headcount: 30 },
    { name: "2026", counts: counts(0, 4, 0, 0), headcount: null },
  ]);
  assert.deepEqual(change.readState(kept(data), config).value.data, [
    { name: "2025", counts: counts(12, 0, 9, 3), answered: 24, headcount: 30 },
    { name: "2026", counts: counts(0, 4, 0, 0), answered: 4, headcount: null },
  ]);
  assert.deepEqual(change.readState(kept(data), config).value.data, read.rounds.map(({ line, ...r }) => r));
});

test("a kept round whose headcount is under its answers, or not a count, is damaged", () => {
  for (const headcount of [23, "30", -1, 2.5, undefined]) {
    const data = [{ name: "2025", counts: counts(12, 0, 9, 3), headcount }];
    assert.deepEqual(change.readState(kept(data), config), DAMAGED('the headcount of "2025" is not a count of at least its answers'), String(headcount));
  }
});

const person = (group, p) => ({ group, pay: p, level: "" });
// Professional 20, 25, 30, 35, 40; intermediate 18, 22, 26; lower 15, 18, 20, 25; one not classified.
const TWELVE = [
  ...[20, 25, 30, 35, 40].map((p) => person("professional", p)),
  ...[18, 22, 26].map((p) => person("intermediate", p)),
  ...[15, 18, 20, 25].map((p) => person("lower", p)),
  person("not-classified", 50),
];

test("the pay gap keeps each group's people, mean and median and the quartiles' counts: no person's pay", () => {
  const results = pay.payResults(config, TWELVE, false);
  const data = pay.keepData(results);
  assert.deepEqual(data.groups, {
    professional: { people: 5, mean: 30, median: 30 },
    intermediate: { people: 3, mean: 22, median: 22 },
    lower: { people: 4, mean: 19.5, median: 19 },
    "not-classified": { people: 1, mean: 50, median: 50 },
  });
  // 12 people classified (the not classified are left out of the quartiles): 3 in each quarter.
  assert.deepEqual(data.quartiles.map((b) => b.people), [3, 3, 3, 3]);
  assert.deepEqual(Object.keys(data), ["groups", "quartiles", "levels"]);
  // Read back, the gaps and shares are worked out again and match what the page showed.
  assert.deepEqual(pay.readState(kept(data), config).value.data, results);
});

test("the pay gap keeps levels; a group of no one has no pay", () => {
  const people = [person("professional", 20), person("lower", 10)].map((p, i) => ({ ...p, level: i ? "Entry" : "Senior" }));
  const results = pay.payResults(config, people, true);
  assert.deepEqual(pay.keepData(results).levels[1], {
    name: "Entry",
    groups: {
      professional: { people: 0, mean: null, median: null },
      intermediate: { people: 0, mean: null, median: null },
      lower: { people: 1, mean: 10, median: 10 },
      "not-classified": { people: 0, mean: null, median: null },
    },
  });
  assert.deepEqual(pay.readState(kept(pay.keepData(results)), config).value.data, results);
});

test("a kept pay result that does not add up, or is not pay, is damaged", () => {
  const good = pay.keepData(pay.payResults(config, TWELVE, false));
  const change1 = (edit) => {
    const data = JSON.parse(JSON.stringify(good));
    edit(data);
    return pay.readState(kept(data), config);
  };
  const notPay = DAMAGED("the pay by background is not people and pay");
  const quartiles = DAMAGED("the pay quartiles do not add up");
  assert.deepEqual(change1((d) => (d.groups.lower.mean = null)), notPay);
  assert.deepEqual(change1((d) => (d.groups.lower.people = 0)), notPay);
  assert.deepEqual(change1((d) => (d.groups.lower.median = 10001)), notPay);
  assert.deepEqual(change1((d) => (d.groups.lower.mean = "19.5")), notPay);
  assert.deepEqual(change1((d) => delete d.groups.intermediate), notPay);
  assert.deepEqual(change1((d) => d.quartiles.pop()), quartiles);
  assert.deepEqual(change1((d) => (d.quartiles[0].counts.lower += 1)), quartiles);
  assert.deepEqual(change1((d) => (d.groups.lower.people = 5)), quartiles);
  assert.deepEqual(change1((d) => (d.levels = [{ name: "Entry", groups: {} }])), DAMAGED("a level is not people and pay"));
  assert.deepEqual(change1((d) => (d.levels = "Entry")), DAMAGED("the results are not pay results"));
});

test("readKeptResults reads an analysis's key with its own readState: nothing, a value, or a problem", () => {
  const storage = (items) => ({ getItem: (key) => items[key] ?? null });
  const analysis = { store: funnel.STORE, readState: funnel.readState };
  assert.deepEqual(readKeptResults(storage({}), analysis, config), { value: null });
  const good = JSON.stringify(kept(STAGES));
  assert.deepEqual(readKeptResults(storage({ "employer-hub:funnel": good }), analysis, config), {
    value: { data: STAGES, fileName: "round.csv", view: "publication" },
  });
  // The change page's key is not the funnel's.
  assert.deepEqual(readKeptResults(storage({ "employer-hub:change": good }), analysis, config), { value: null });
  assert.deepEqual(readKeptResults(storage({ "employer-hub:funnel": "{not json" }), analysis, config), {
    problem: "What this browser kept for this page is damaged (it is not readable).",
  });
  assert.deepEqual(readKeptResults(storage({ "employer-hub:funnel": JSON.stringify(kept([STAGES[1], STAGES[0]])) }), analysis, config), DAMAGED("a stage has more people than the stage before it"));
});
