// docs/javascripts/journey/read.js: the reading the worker does, for each analysis.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { readFile } from "../../../docs/javascripts/journey/read.js";

const config = JSON.parse(readFileSync(new URL("../fixtures/compare-config.json", import.meta.url), "utf8"));

test("each analysis says what it loaded, in words", () => {
  assert.equal(readFile("funnel", "stage,answer,count\na,routine,2\nb,routine,1\n", config).loaded, "2 stages");
  assert.equal(readFile("pay", "answer,hourly_pay\nroutine,12\n", config).loaded, "1 person");
  const pay = readFile("pay", `answer,hourly_pay\n${"routine,12\n".repeat(1200)}`, config);
  assert.equal(pay.loaded, "1,200 people");
  assert.equal(pay.data.groups.find((g) => g.id === "lower").people, 1200);
  assert.equal(readFile("change", "round,answer,count\n2025,routine,3\n", config).loaded, "1 round");
});

test("a bad file gives its problems and no data", () => {
  const result = readFile("change", "round,answer,count\n2025,routine,x\n", config);
  assert.deepEqual(Object.keys(result), ["errors"]);
});
