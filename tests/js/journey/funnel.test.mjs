// docs/javascripts/journey/funnel.js: the hiring funnel, worked by hand. The config is the
// build's, with test wording for the options (by id).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { applyView, funnelResults, readFunnel, resultsCsv } from "../../../docs/javascripts/journey/funnel.js";
import { parseCsv } from "../../../docs/javascripts/shared/csv.js";

const fixture = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const config = JSON.parse(fixture("../fixtures/compare-config.json"));
const TEMPLATE = fixture("../../../docs/strategy/data/funnel/template.csv");

// Applied 200 professional (150 + 50 managers), 100 intermediate, 150 lower (50 + 100),
// 50 not classified; then 100/40/45/20, 20/8/7/5, 18/8/6/4.
const ROUND = [
  "stage,answer,count",
  "applied,professional,150",
  "applied,managers,50",
  "applied,clerical,100",
  "applied,technical,50",
  "applied,routine,100",
  "applied,prefer-not-to-say,50",
  "shortlisted,professional,100",
  "shortlisted,clerical,40",
  "shortlisted,routine,45",
  "shortlisted,other,20",
  "offered,professional,20",
  "offered,small-business,8",
  "offered,routine,7",
  "offered,other,5",
  "hired,professional,18",
  "hired,clerical,8",
  "hired,unemployed,6",
  "hired,other,4",
].join("\n");

const table = (results) =>
  results.map((r) => [r.name, r.counts.professional, r.counts.intermediate, r.counts.lower, r.counts["not-classified"], r.shares, r.passRates, r.relative, r.flagged]);

test("a recruitment round: shares, pass rates and the relative rate, worked by hand", () => {
  const read = readFunnel(ROUND, config);
  assert.equal(read.errors, undefined);
  assert.deepEqual(read.stages.map((s) => s.name), ["applied", "shortlisted", "offered", "hired"]);
  const none = { professional: null, intermediate: null, lower: null, "not-classified": null };
  assert.deepEqual(table(funnelResults(config, read.stages)), [
    // 200/450 = 44.4, 100/450 = 22.2, 150/450 = 33.3
    ["applied", 200, 100, 150, 50, { professional: 44, intermediate: 22, lower: 33 }, none, null, false],
    // 100/185 = 54.05, 40/185 = 21.6, 45/185 = 24.3; rates 50, 40, 30, 40; 30/50 = 0.60
    ["shortlisted", 100, 40, 45, 20, { professional: 54, intermediate: 22, lower: 24 }, { professional: 50, intermediate: 40, lower: 30, "not-classified": 40 }, 0.6, true],
    // 20/35 = 57.1, 8/35 = 22.9, 7/35 = 20; rates 20, 20, 15.56, 25; 0.1556/0.2 = 0.778
    ["offered", 20, 8, 7, 5, { professional: 57, intermediate: 23, lower: 20 }, { professional: 20, intermediate: 20, lower: 15.6, "not-classified": 25 }, 0.78, true],
    // 18/32 = 56.25, 8/32 = 25, 6/32 = 18.75 (a half rounds up); rates 90, 100, 85.71, 80; 0.857/0.9 = 0.952
    ["hired", 18, 8, 6, 4, { professional: 56, intermediate: 25, lower: 19 }, { professional: 90, intermediate: 100, lower: 85.7, "not-classified": 80 }, 0.95, false],
  ]);
});

const stages = (...rows) => rows.map(([name, p, i, l, n = 0]) => ({ name, counts: { professional: p, intermediate: i, lower: l, "not-classified": n } }));

test("exactly four-fifths is not flagged; 0.795 shows as 0.80 and is not flagged; under is", () => {
  const at = (lowerPassed) => funnelResults(config, stages(["a", 100, 0, 200], ["b", 50, 0, lowerPassed]))[1];
  // 80/200 = 0.4 against 0.5: 0.80
  assert.deepEqual([at(80).relative, at(80).flagged], [0.8, false]);
  // 159/200 = 0.795 against 1.0 (200 of 200)
  const edge = funnelResults(config, stages(["a", 200, 0, 200], ["b", 200, 0, 159]))[1];
  assert.deepEqual([edge.relative, edge.flagged, edge.passRates.lower], [0.8, false, 79.5]);
  // 79/200 = 0.395 against 0.5: 0.79
  assert.deepEqual([at(79).relative, at(79).flagged], [0.79, true]);
});

test("rounding at .5: a pass rate of 18.75% shows 18.8; a share of 12.5% shows 13", () => {
  const [first, second] = funnelResults(config, stages(["a", 16, 0, 16], ["b", 7, 0, 3]));
  assert.equal(second.passRates.lower, 18.8); // 3/16
  assert.equal(second.passRates.professional, 43.8); // 7/16 = 43.75
  const [eight] = funnelResults(config, stages(["a", 7, 0, 1]));
  assert.deepEqual(eight.shares, { professional: 88, intermediate: 0, lower: 13 }); // 87.5, 12.5
  assert.equal(first.relative, null);
});

test("an empty group has no pass rate, and no relative rate when the professional group is empty", () => {
  const [, second] = funnelResults(config, stages(["a", 0, 0, 10], ["b", 0, 0, 5]));
  assert.deepEqual([second.passRates.professional, second.passRates.lower, second.relative, second.flagged], [null, 50, null, false]);
  const [, none] = funnelResults(config, stages(["a", 10, 0, 0], ["b", 5, 0, 0]));
  assert.deepEqual([none.passRates.lower, none.relative], [null, null]);
  // No one classified at a stage: no shares.
  const [only] = funnelResults(config, stages(["a", 0, 0, 0, 7]));
  assert.deepEqual(only.shares, { professional: null, intermediate: null, lower: null });
});

test("a one-person group: a pass rate of 0 or 100", () => {
  const [, second] = funnelResults(config, stages(["a", 10, 1, 1], ["b", 5, 1, 0]));
  assert.deepEqual([second.passRates.intermediate, second.passRates.lower, second.relative, second.flagged], [100, 0, 0, true]);
});

test("publication: counts under 10 hidden, exactly 10 shown, the next smallest in a stage withheld", () => {
  const results = funnelResults(config, stages(["a", 50, 30, 10, 40], ["b", 40, 20, 9, 12]));
  const [a, b] = applyView(config, results, "publication");
  assert.deepEqual(a.counts, { professional: 50, intermediate: 30, lower: 10, "not-classified": 40 });
  assert.deepEqual(a.hidden, {});
  // 9 is under 10; with the total (81) shown, the smallest other (12) goes too.
  assert.deepEqual(b.counts, { professional: 40, intermediate: 20, lower: null, "not-classified": null });
  assert.deepEqual(b.hidden, { lower: "primary", "not-classified": "secondary" });
  assert.equal(b.total, 81);
  assert.deepEqual(b.shares, { professional: null, intermediate: null, lower: null });
  assert.deepEqual([b.passRates.professional, b.passRates.intermediate, b.passRates.lower], [80, 66.7, null]);
  assert.deepEqual([b.relative, b.flagged, b.withheld.relative], [null, false, true]);
  // The analysis view shows them all: 9/10 = 0.9 against 40/50 = 0.8: 1.13
  const [, all] = applyView(config, results, "analysis");
  assert.deepEqual([all.counts.lower, all.relative], [9, 1.13]);
});

test("publication: a rate from a hidden count at the stage before is withheld", () => {
  const [, b] = applyView(config, funnelResults(config, stages(["a", 50, 5, 40, 20], ["b", 40, 0, 30, 20])), "publication");
  // a: 5 hidden, then the smallest other (20) in a; b: 0 hidden, then 20.
  assert.equal(b.passRates.intermediate, null);
  assert.equal(b.relative, 0.94); // 30/40 = 0.75 over 40/50 = 0.8: 0.9375
});

test("bad rows are named by line, the first 10 then a count; nothing is read", () => {
  const bad = [
    "stage,answer,count",
    "applied,professional,10",
    "applied,astronaut,5",
    ",routine,4",
    "applied,routine,-3",
    "=cmd,routine,3",
    "applied,professional,2",
    "applied,routine,",
    ...Array.from({ length: 20 }, (_, i) => `s${i},routine,x`),
  ].join("\n");
  const { errors, stages: read } = readFunnel(bad, config);
  assert.equal(read, undefined);
  assert.equal(errors.length, 11);
  assert.deepEqual(errors.slice(0, 6), [
    'Row 3: "astronaut" is not one of the answer options: give an option\'s id (for example professional) or its exact words.',
    "Row 4: the stage is empty.",
    'Row 5: the count "-3" is negative: give a count of 0 or more.',
    'Row 6: "=cmd" looks like a spreadsheet formula: give plain text.',
    'Row 7: the stage "applied" has the answer "professional" twice (first in row 2).',
    "Row 8: the count is empty.",
  ]);
  assert.equal(errors[10], "… and 16 more problems.");
});

test("a later stage with more people than the one before is refused", () => {
  const { errors } = readFunnel("stage,answer,count\napplied,routine,5\nhired,routine,6\n", config);
  assert.deepEqual(errors, [
    'Row 3: the stage "hired" has 6 people from the group "Lower socio-economic background", more than the 5 at "applied" before it: each stage is the people who passed the one before.',
  ]);
});

test("wrong header, empty file and an option's exact words", () => {
  assert.deepEqual(readFunnel("level,answer,count\nx,routine,1\n", config).errors, [
    'Row 1: the column "stage" is missing: the first row must name the columns stage, answer, count.',
  ]);
  assert.deepEqual(readFunnel("", config).errors, ["The file is empty: it needs the columns stage, answer, count."]);
  const words = readFunnel("Stage,Answer,Count\napplied,test wording for routine,\"1,234\"\n", config);
  assert.equal(words.stages[0].counts.lower, 1234);
});

test("the template reads, with answers by id, and its stages keep their order", () => {
  const read = readFunnel(TEMPLATE, config);
  assert.equal(read.errors, undefined);
  assert.deepEqual(read.stages.map((s) => s.name), ["applied", "shortlisted", "assessed", "offered", "hired"]);
});

test("the results CSV, both views", () => {
  const read = readFunnel(ROUND, config);
  const analysis = parseCsv(resultsCsv(config, read.stages, "analysis")).rows.map((r) => r.cells);
  assert.deepEqual(analysis[0], ["stage", "group", "count", "share", "pass_rate", "relative_rate", "flag", "view"]);
  assert.deepEqual(analysis[1], ["applied", "professional", "200", "44", "", "", "", "analysis"]);
  assert.deepEqual(analysis[7], ["shortlisted", "lower", "45", "24", "30", "", "", "analysis"]);
  assert.deepEqual(analysis[9], ["shortlisted", "lower relative to professional", "", "", "", "0.6", "under 0.80", "analysis"]);
  const publication = parseCsv(resultsCsv(config, read.stages, "publication")).rows.map((r) => r.cells);
  // hired: 8, 6 and 4 are under 10.
  const hired = publication.filter((r) => r[0] === "hired");
  assert.deepEqual(hired, [
    ["hired", "professional", "18", "withheld", "90", "", "", "publication"],
    ["hired", "intermediate", "fewer than 10", "withheld", "withheld", "", "", "publication"],
    ["hired", "lower", "fewer than 10", "withheld", "withheld", "", "", "publication"],
    ["hired", "not-classified", "fewer than 10", "", "withheld", "", "", "publication"],
    ["hired", "lower relative to professional", "", "", "", "withheld", "", "publication"],
  ]);
});
