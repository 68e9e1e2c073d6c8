// docs/javascripts/journey/pay.js: the class pay gap. The expected numbers were worked by hand
// and checked with Python's statistics module from the same rows (mean, median).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { applyView, gap, median, parsePay, payByGroup, payResults, quartiles, readPay, resultsCsv } from "../../../docs/javascripts/journey/pay.js";
import { parseCsv } from "../../../docs/javascripts/shared/csv.js";

const fixture = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const config = JSON.parse(fixture("../fixtures/compare-config.json"));
const TEMPLATE = fixture("../../../docs/strategy/data/pay-gap/template.csv");

const person = (group, pay, level = "") => ({ group, pay, level });
// Professional 20, 25, 30, 35, 40; intermediate 18, 22, 26; lower 15, 18, 20, 25.
const TWELVE = [
  ...[20, 25, 30, 35, 40].map((p) => person("professional", p)),
  ...[18, 22, 26].map((p) => person("intermediate", p)),
  ...[15, 18, 20, 25].map((p) => person("lower", p)),
];

const summary = (groups) => Object.fromEntries(groups.map((g) => [g.id, [g.people, g.mean, g.median, g.meanGap, g.medianGap]]));

test("mean, median and gaps: statistics.mean/median give 30/30, 22/22, 19.5/19", () => {
  assert.deepEqual(summary(payByGroup(config, TWELVE)), {
    professional: [5, 30, 30, null, null],
    // (30 - 22) / 30 = 26.67%
    intermediate: [3, 22, 22, 26.7, 26.7],
    // (30 - 19.5) / 30 = 35.0%; (30 - 19) / 30 = 36.67%
    lower: [4, 19.5, 19, 35, 36.7],
    "not-classified": [0, null, null, null, null],
  });
});

test("medians: an even count takes the mean of the middle two; one person is their own median", () => {
  // statistics.median([12.5, 13.25, 14.1, 19.99]) = 13.675
  assert.equal(median([19.99, 12.5, 14.1, 13.25]), 13.675);
  assert.equal(median([11.44]), 11.44);
  assert.equal(median([]), null);
});

test("a gap is rounded to one decimal, a half up; a higher pay gives a negative gap", () => {
  assert.equal(gap(20, 17.55), 12.3); // 12.25
  assert.equal(gap(20, 22.5), -12.5);
  assert.equal(gap(0, 10), null);
  assert.equal(gap(20, null), null);
});

test("quartiles without ties across a boundary: 12 people, 3 to a band", () => {
  // Ranked: 15L 18I 18L | 20P 20L 22I | 25P 25L 26I | 30P 35P 40P
  const bands = quartiles(config, TWELVE);
  assert.deepEqual(bands.map((b) => [b.band, b.people, b.shares]), [
    ["lower", 3, { professional: 0, intermediate: 33.3, lower: 66.7 }],
    ["lower middle", 3, { professional: 33.3, intermediate: 33.3, lower: 33.3 }],
    ["upper middle", 3, { professional: 33.3, intermediate: 33.3, lower: 33.3 }],
    ["upper", 3, { professional: 100, intermediate: 0, lower: 0 }],
  ]);
});

test("the tie rule: five people on £12 across three bands are shared in the same mix (3 P : 2 L)", () => {
  // Ranked: 10L | 12 ×5 (P, L, L, P, P) at ranks 1–5 | 14I 16P; bands of 2.
  // Band 1: 10L + 1 of the £12 people (0.6 P, 0.4 L): P 0.6, L 1.4 → 30%, 70%.
  // Bands 2 and 3: 2 of them each (1.2 P, 0.8 L) → 60%, 40%. Band 4: 14I, 16P → 50%, 50%.
  const people = [person("lower", 10), person("professional", 12), person("lower", 12), person("lower", 12), person("professional", 12), person("professional", 12), person("intermediate", 14), person("professional", 16)];
  const expected = [
    { professional: 30, intermediate: 0, lower: 70 },
    { professional: 60, intermediate: 0, lower: 40 },
    { professional: 60, intermediate: 0, lower: 40 },
    { professional: 50, intermediate: 50, lower: 0 },
  ];
  assert.deepEqual(quartiles(config, people).map((b) => b.shares), expected);
  // The order of the rows makes no difference.
  assert.deepEqual(quartiles(config, [...people].reverse()).map((b) => b.shares), expected);
});

test("bands when the people do not divide by four; one person; no one; the not classified left out", () => {
  // 5 people: ranks 0 | 1 | 2 | 3 4
  const five = [1, 2, 3, 4, 5].map((p) => person(p % 2 ? "lower" : "professional", p));
  assert.deepEqual(quartiles(config, five).map((b) => b.people), [1, 1, 1, 2]);
  const one = quartiles(config, [person("lower", 9), person("not-classified", 50)]);
  assert.deepEqual(one.map((b) => [b.people, b.shares.lower]), [[0, null], [0, null], [0, null], [1, 100]]);
  assert.deepEqual(quartiles(config, []).map((b) => b.people), [0, 0, 0, 0]);
});

const many = (group, n, from) => Array.from({ length: n }, (_, i) => person(group, from + i));

test("publication: a group of 9 hidden, then the smallest other (10, so the gaps go too)", () => {
  const people = [...many("professional", 10, 20), ...many("intermediate", 12, 18), ...many("lower", 9, 15), ...many("not-classified", 30, 15)];
  const shown = applyView(config, payResults(config, people, false), "publication");
  assert.deepEqual(shown.groups.map((g) => [g.id, g.people, g.hidden, g.meanGap]), [
    ["professional", null, "secondary", null],
    ["intermediate", 12, "", null],
    ["lower", null, "primary", null],
    ["not-classified", 30, "", null],
  ]);
  // The analysis view: lower mean 19 (15..23), professional 24.5 (20..29): 22.45% → 22.4
  const all = applyView(config, payResults(config, people, false), "analysis");
  assert.deepEqual([all.groups[2].people, all.groups[2].mean, all.groups[0].mean, all.groups[2].meanGap], [9, 19, 24.5, 22.4]);
});

test("publication: a group of exactly 10 is shown, with its pay and gap", () => {
  const people = [...many("professional", 20, 20), ...many("intermediate", 12, 18), ...many("lower", 10, 15), ...many("not-classified", 11, 15)];
  const [p, , l] = applyView(config, payResults(config, people, false), "publication").groups;
  // professional 20..39: mean 29.5; lower 15..24: mean 19.5; (29.5 - 19.5) / 29.5 = 33.90%
  assert.deepEqual([p.people, p.mean, l.people, l.mean, l.meanGap, l.hidden], [20, 29.5, 10, 19.5, 33.9, ""]);
});

test("pay cells: pounds and pence, a £ sign and thousands; refused with a reason", () => {
  assert.deepEqual(["12.5", " £14.25 ", "1,250.00", "9"].map((t) => parsePay(t).value), [12.5, 14.25, 1250, 9]);
  assert.deepEqual(
    ["", "-3", "abc", "0", "12,5", "25000"].map((t) => parsePay(t).error),
    [
      "the hourly pay is empty.",
      'the hourly pay "-3" is negative.',
      'the hourly pay "abc" is not an amount in pounds, such as 14.25.',
      "the hourly pay is 0: leave out people who were not paid.",
      'the hourly pay "12,5" is not an amount in pounds, such as 14.25.',
      'the hourly pay "25000" is over £10,000 an hour: is it a yearly or monthly figure?',
    ],
  );
});

test("a pay file: bad rows by line, nothing read; levels when the column is there", () => {
  const bad = readPay("answer,hourly_pay\nroutine,12\nastronaut,13\nroutine,-4\n=cmd,5\n", config);
  assert.deepEqual(bad.errors, [
    'Row 3: "astronaut" is not one of the answer options: give an option\'s id (for example professional) or its exact words.',
    'Row 4: the hourly pay "-4" is negative.',
    'Row 5: "=cmd" is not one of the answer options: give an option\'s id (for example professional) or its exact words.',
  ]);
  assert.equal(bad.people, undefined);
  assert.deepEqual(readPay("answer,pay\nroutine,12\n", config).errors, [
    'Row 1: the column "hourly_pay" is missing: the first row must name the columns answer, hourly_pay.',
  ]);
  const withLevels = readPay("Level,Answer,Hourly_Pay\nEntry,routine,12.00\nSenior,test wording for managers,30\n", config);
  assert.deepEqual(withLevels, { people: [person("lower", 12, "Entry"), person("professional", 30, "Senior")], hasLevels: true });
  assert.deepEqual(readPay("level,answer,hourly_pay\n=x,routine,12\n", config).errors, ['Row 2: "=x" looks like a spreadsheet formula: give plain text.']);
});

test("the template reads, and the results CSV in both views", () => {
  const read = readPay(TEMPLATE, config);
  assert.equal(read.errors, undefined);
  const results = payResults(config, TWELVE, false);
  const rows = parseCsv(resultsCsv(config, results, "analysis")).rows.map((r) => r.cells);
  assert.deepEqual(rows[0], ["measure", "group", "level", "people", "mean", "median", "mean_gap", "median_gap", "share", "view"]);
  assert.deepEqual(rows[3], ["pay", "lower", "", "4", "19.5", "19", "35", "36.7", "", "analysis"]);
  assert.deepEqual(rows[5], ["lower quartile", "professional", "", "", "", "", "", "", "0", "analysis"]);
  const publication = parseCsv(resultsCsv(config, results, "publication")).rows.map((r) => r.cells);
  // Every group is under 10: all hidden.
  assert.deepEqual(publication[3], ["pay", "lower", "", "fewer than 10", "withheld", "withheld", "withheld", "withheld", "", "publication"]);
});
