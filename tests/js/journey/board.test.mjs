// docs/javascripts/journey/board.js: what each section of the report for the board shows of
// what this browser keeps. The expected numbers are worked by hand from the same counts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { SECTIONS, planReport, workforceReport } from "../../../docs/javascripts/journey/board.js";

const config = JSON.parse(readFileSync(new URL("../fixtures/compare-config.json", import.meta.url), "utf8"));
const workforce = (fields, levels = []) => ({ fields, levels, levelsFile: "", view: "analysis" });

test("the sections print in the order the page lists them, each naming the page that fills it", () => {
  assert.deepEqual(SECTIONS.map((s) => [s.id, s.href]), [
    ["workforce", "../compare/"],
    ["change", "../change/"],
    ["funnel", "../funnel/"],
    ["pay", "../pay-gap/"],
    ["plan", "../../../plan/"],
  ]);
});

test("the workforce: shares of the 265 classified beside the benchmark, in both views", () => {
  // 120 professional; 40 clerical + 15 small business = 55 intermediate; 25 + 60 + 5 = 90 lower;
  // 9 other. Shares 120/265 = 45.3, 55/265 = 20.8, 90/265 = 34.0; benchmark 37/24/39.
  const state = workforce({ professional: "120", clerical: "40", "small-business": "15", technical: "25", routine: "60", unemployed: "5", other: "9", headcount: "400" });
  const analysis = workforceReport(config, state, "analysis");
  assert.deepEqual(analysis.summary.groups.map((g) => [g.id, g.count, g.percent, g.difference]), [
    ["professional", 120, 45, 8],
    ["intermediate", 55, 21, -3],
    ["lower", 90, 34, -5],
    ["not-classified", 9, null, null],
  ]);
  // 274 of 400 answered: 68.5, a half rounding up.
  assert.equal(analysis.summary.response.percent, 69);
  // For publication the 9 not classified are under 10, and the next smallest (55) goes with
  // them (with its share); the other shares stay.
  const publication = workforceReport(config, state, "publication");
  assert.deepEqual(publication.summary.groups.map((g) => [g.id, g.count, g.hidden, g.percent]), [
    ["professional", 120, "", 45],
    ["intermediate", null, "secondary", null],
    ["lower", 90, "", 34],
    ["not-classified", null, "primary", null],
  ]);
});

test("the workforce: nothing typed is empty; levels alone are shown; a count the calculator refuses is a problem", () => {
  assert.deepEqual(workforceReport(config, workforce({}), "publication"), { empty: true });
  const levels = [{ name: "Entry", counts: { routine: 30, professional: 10 } }];
  const shown = workforceReport(config, workforce({}, levels), "analysis");
  // 30 of the 40 classified at Entry are from a lower background: 75%.
  assert.deepEqual(shown.levels.map((l) => [l.name, l.classified, l.count, l.percent, l.ratio]), [["Entry", 40, 30, 75, 1]]);
  assert.deepEqual(workforceReport(config, workforce({ routine: "-3" }), "analysis"), {
    problem: "A count kept by the calculator cannot be read, so this section is not shown. Open the calculator to fix it.",
  });
});

const PLAN = {
  elements: [
    { id: "data", label: "Analysis of data", url: "strategy/data/" },
    { id: "culture", label: "Attention to culture", url: "strategy/culture/" },
  ],
  actions: [
    { id: "action-data-one", element: "data", tier: "starting", url: "strategy/data/", page: "Data" },
    { id: "action-data-two", element: "data", tier: "best", url: "strategy/data/", page: "Data" },
    { id: "action-culture-three", element: "culture", tier: "starting", url: "strategy/culture/", page: "C" },
  ],
};

test("the plan: where the organisation stands overall and by part; nothing ticked or noted is empty", () => {
  const shown = planReport(PLAN, { done: { "action-data-one": true }, notes: {} });
  assert.deepEqual(shown.overall, { stage: "Starting out", text: "1 of 2 starting-out actions done; 0 of 1 among the best" });
  assert.deepEqual(shown.rows.map((r) => [r.label, r.stage, r.text]), [
    ["Analysis of data", "Working towards among the best", "1 of 1 starting-out actions done; 0 of 1 among the best"],
    ["Attention to culture", "Not started", "0 of 1 starting-out actions done; 0 of 0 among the best"],
  ]);
  assert.deepEqual(planReport(PLAN, { done: {}, notes: {} }), { empty: true });
  assert.equal(planReport(PLAN, { done: {}, notes: { "action-data-two": { owner: "Board", due: "" } } }).overall.stage, "Not started");
});
