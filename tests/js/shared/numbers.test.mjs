// docs/javascripts/shared/numbers.js: the one rule for counts, rounding and formatting.
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatCount, parseCount, roundTo, signed } from "../../../docs/javascripts/shared/numbers.js";

const ACCEPTED = [
  ["", null],
  ["   ", null],
  [null, null],
  [undefined, null],
  ["0", 0],
  [" 12 ", 12],
  ["012", 12],
  ["1,200", 1200],
  ["1,234,567", 1234567],
  ["1 200", 1200],
  ["1\u00a0200", 1200],
  ["1\u202f200", 1200],
  ["\t45\n", 45],
  ["10000000", 10000000],
  [0, 0],
  [42, 42],
];

for (const [raw, value] of ACCEPTED) {
  test(`accepts ${JSON.stringify(raw)} as ${value}`, () => {
    assert.deepEqual(parseCount(raw), { value });
  });
}

const REFUSED = [
  ["6O", '"6O" has the letter O in it: did you mean 60?'],
  ["l2", '"l2" has the letter l in it: did you mean 12?'],
  ["-5", '"-5" is negative: give a count of 0 or more.'],
  ["\u22125", '"\u22125" is negative: give a count of 0 or more.'],
  ["abc", '"abc" is not a whole number: use the digits 0 to 9, for example 42.'],
  ["12.5", '"12.5" is not a whole number: count whole people.'],
  ["1.200", '"1.200" has a full stop in it: write a count of a thousand or more as 1200 or 1,200.'],
  ["1,200.5", '"1,200.5" is not a whole number: count whole people.'],
  ["12,5", '"12,5" has a comma in the wrong place: a comma may only separate thousands, as in 1,200.'],
  ["1,20,000", '"1,20,000" has a comma in the wrong place: a comma may only separate thousands, as in 1,200.'],
  ["12 5", '"12 5" is not a whole number: use the digits 0 to 9, for example 42.'],
  ["10000001", '"10000001" is more than 10,000,000: check for extra digits.'],
  ["12345678901234567890", '"12345678901234567890" is more than 10,000,000: check for extra digits.'],
  ["1e3", '"1e3" is not a whole number: use the digits 0 to 9, for example 42.'],
  ["0x10", '"0x10" is not a whole number: use the digits 0 to 9, for example 42.'],
  ["=1+1", '"=1+1" is not a whole number: use the digits 0 to 9, for example 42.'],
  [-3, '"-3" is negative: give a count of 0 or more.'],
  [2.5, '"2.5" is not a whole number: count whole people.'],
  [Number.NaN, '"NaN" is not a number.'],
  [true, "is not a number."],
  [{}, "is not a number."],
  [[1], "is not a number."],
];

for (const [raw, error] of REFUSED) {
  test(`refuses ${JSON.stringify(raw) ?? String(raw)}`, () => {
    assert.deepEqual(parseCount(raw), { error });
  });
}

test("rounds half up, without binary noise", () => {
  // 0.675 * 100 is 67.49999999999999 in binary floating point.
  assert.deepEqual(
    [roundTo(0.675, 2), roundTo(12.5, 0), roundTo(0.125 * 100, 0), roundTo((2 / 3) * 100, 0), roundTo(69.5, 0)],
    [0.68, 13, 13, 67, 70],
  );
});

test("formats counts and signed differences", () => {
  assert.deepEqual([formatCount(1200), formatCount(10000000), formatCount(7)], ["1,200", "10,000,000", "7"]);
  assert.deepEqual([signed(8), signed(-3), signed(0)], ["+8", "-3", "0"]);
});
