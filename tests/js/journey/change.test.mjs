// docs/javascripts/journey/change.js: change over time, worked by hand. The z values were
// worked out in Python from the same counts: (p2 - p1) / sqrt(p(1 - p)(1/n1 + 1/n2)).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { applyView, changeResults, readable, readRounds, resultsCsv } from "../../../docs/javascripts/journey/change.js";
import { parseCsv } from "../../../docs/javascripts/shared/csv.js";

const fixture = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const config = JSON.parse(fixture("../fixtures/compare-config.json"));
const TEMPLATE = fixture("../../../docs/strategy/data/change/template.csv");

// Three rounds: 120/55/90 (+40 not classified, 400 asked), 130/60/130 (+30, 420), 100/60/180 (+20, 400).
const THREE = [
  "round,answer,count",
  "2024,professional,120", "2024,clerical,55", "2024,routine,90", "2024,other,40", "2024,headcount,400",
  "2025,professional,100", "2025,managers,30", "2025,clerical,60", "2025,technical,130", "2025,other,30", "2025,Headcount,420",
  "2026,professional,100", "2026,small-business,60", "2026,routine,180", "2026,prefer-not-to-say,20", "2026,headcount,400",
].join("\n");

const change = (c) => Object.fromEntries(Object.entries(c).map(([id, v]) => [id, [v.points, v.readable]]));

test("three rounds: shares, response rates, changes and which changes can be read", () => {
  const read = readRounds(THREE, config);
  assert.equal(read.errors, undefined);
  const results = changeResults(config, read.rounds);
  // 120/265, 55/265, 90/265; 130/320 = 40.6, 60/320 = 18.75 (a half rounds up), 130/320; 100/340, 60/340, 180/340.
  assert.deepEqual(results.map((r) => r.shares), [
    { professional: 45, intermediate: 21, lower: 34 },
    { professional: 41, intermediate: 19, lower: 41 },
    { professional: 29, intermediate: 18, lower: 53 },
  ]);
  // 305/400 = 76.25, 350/420 = 83.3, 360/400 = 90
  assert.deepEqual(results.map((r) => r.response.percent), [76, 83, 90]);
  assert.equal(results[0].fromBefore, null);
  // z: -1.13, -0.61, 1.66: all too small.
  assert.deepEqual(change(results[1].fromBefore), { professional: [-4, false], intermediate: [-2, false], lower: [7, false] });
  assert.equal(results[1].fromFirst, null);
  // z: -3.02, -0.37, 3.17
  assert.deepEqual(change(results[2].fromBefore), { professional: [-12, true], intermediate: [-1, false], lower: [12, true] });
  // First to last, z: -4.03, -0.97, 4.66
  assert.deepEqual(change(results[2].fromFirst), { professional: [-16, true], intermediate: [-3, false], lower: [19, true] });
});

test("the rule at its edge, an empty background and a one-person round", () => {
  // 50/100 then 64/100: pooled 0.57, se = sqrt(0.57 * 0.43 * 0.02) = 0.07001, z = 1.9997
  assert.equal(readable({ count: 50, classified: 100 }, { count: 64, classified: 100 }), true);
  // 50/100 then 63/100: z = 1.8535
  assert.equal(readable({ count: 50, classified: 100 }, { count: 63, classified: 100 }), false);
  // Nobody from a background in either round: no change to read.
  assert.equal(readable({ count: 0, classified: 30 }, { count: 0, classified: 40 }), false);
  // One person, then everyone else: 0/1 to 1/1 is a change of 100 points, too small to read.
  assert.equal(readable({ count: 0, classified: 1 }, { count: 1, classified: 1 }), false);
  assert.equal(readable({ count: 0, classified: 0 }, { count: 5, classified: 9 }), false);
});

test("a round with no one classified has no shares and no change", () => {
  const rounds = [
    { name: "a", counts: { professional: 0, intermediate: 0, lower: 0, "not-classified": 5 }, answered: 5, headcount: null },
    { name: "b", counts: { professional: 3, intermediate: 3, lower: 4, "not-classified": 0 }, answered: 10, headcount: 10 },
  ];
  const [a, b] = changeResults(config, rounds);
  assert.deepEqual(a.shares, { professional: null, intermediate: null, lower: null });
  assert.equal(a.response.percent, null);
  assert.deepEqual(change(b.fromBefore), { professional: [null, false], intermediate: [null, false], lower: [null, false] });
  assert.deepEqual([b.shares, b.response.percent], [{ professional: 30, intermediate: 30, lower: 40 }, 100]);
});

test("publication: counts under 10 hidden, exactly 10 shown, and the changes from a hidden round withheld", () => {
  const rounds = [
    { name: "a", counts: { professional: 40, intermediate: 10, lower: 30, "not-classified": 12 }, answered: 92, headcount: 100 },
    { name: "b", counts: { professional: 40, intermediate: 9, lower: 30, "not-classified": 12 }, answered: 91, headcount: 100 },
  ];
  const [a, b] = applyView(config, changeResults(config, rounds), "publication");
  assert.deepEqual([a.counts.intermediate, a.sharesWithheld, a.shares.intermediate], [10, false, 13]); // 10/80 = 12.5
  // b: 9 is hidden; with the answers' total shown, the next smallest (12) goes too.
  assert.deepEqual(b.hidden, { intermediate: "primary", "not-classified": "secondary" });
  assert.deepEqual([b.sharesWithheld, b.fromBefore.lower.withheld], [true, true]);
  assert.equal(b.response.percent, 91);
});

test("bad rows by line, nothing read; then a headcount under the answers", () => {
  const { errors, rounds } = readRounds("round,answer,count\n2024,routine,40\n2024,headcount,30\n2025,astronaut,3\n2025,routine,4\n2025,routine,5\n", config);
  assert.equal(rounds, undefined);
  assert.deepEqual(errors, [
    'Row 4: "astronaut" is not one of the answer options: give an option\'s id (for example professional) or its exact words. A round\'s headcount has the answer "headcount".',
    'Row 6: the round "2025" has the answer "routine" twice (first in row 5).',
  ]);
  assert.deepEqual(readRounds("round,answer,count\n2024,routine,40\n2024,headcount,30\n", config).errors, [
    'Row 3: the headcount of "2024" (30) is fewer than its 40 answers: the headcount is everyone asked.',
  ]);
});

test("the template reads, and the results CSV in both views", () => {
  assert.equal(readRounds(TEMPLATE, config).errors, undefined);
  const { rounds } = readRounds(THREE, config);
  const rows = parseCsv(resultsCsv(config, rounds, "analysis")).rows.map((r) => r.cells);
  assert.deepEqual(rows[0], ["round", "measure", "group", "count", "share", "benchmark", "change", "readable", "view"]);
  assert.deepEqual(rows.filter((r) => r[0] === "2026" && r[2] === "lower"), [
    ["2026", "background", "lower", "180", "53", "39", "12", "yes", "analysis"],
    ["2026", "change from first", "lower", "", "", "", "19", "yes", "analysis"],
  ]);
  assert.deepEqual(rows[2], ["2024", "response rate", "", "305", "76", "", "", "", "analysis"]);
  const publication = parseCsv(resultsCsv(config, rounds, "publication")).rows.map((r) => r.cells);
  assert.deepEqual(new Set(publication.slice(1).map((r) => r[8])), new Set(["publication"]));
});
