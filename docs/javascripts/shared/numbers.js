/* Numbers for the page tools: the one rule that reads a count (typed, pasted from a
 * spreadsheet, read from a CSV cell or from stored state), and the one place that rounds and
 * formats. Pure functions, no DOM. */

export const MAX_COUNT = 10000000;

// What a spreadsheet or a person puts between thousands: a comma, a space, a no-break space
// or a narrow no-break space ("1,200", "1 200").
const GROUPED = /^\d{1,3}(?:[,\u0020\u00a0\u202f]\d{3})+$/;
const LOOKALIKES = { O: "0", o: "0", l: "1", I: "1" };

/** A count from a field, a CSV cell or stored state: {value} (null when blank) or {error}.
 *
 * Accepts whole numbers with thousands separated by commas or spaces, and surrounding spaces;
 * refuses anything that cannot be a number of people, saying what is wrong. A number that is
 * already a number (stored state) follows the same rule. */
export function parseCount(raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === "number") return checkRange(raw, String(raw));
  if (typeof raw !== "string") return { error: "is not a number." };
  const text = raw.trim();
  if (text === "") return { value: null };
  const plain = GROUPED.test(text) ? text.replace(/[,\s]/g, "") : text;
  if (/^\d+$/.test(plain)) {
    const digits = plain.replace(/^0+(?=\d)/, "");
    return checkRange(digits.length > 9 ? Infinity : Number(digits), text);
  }
  return { error: whatIsWrong(text) };
}

function checkRange(value, shown) {
  if (Number.isNaN(value)) return { error: `"${shown}" is not a number.` };
  if (value < 0) return { error: `"${shown}" is negative: give a count of 0 or more.` };
  if (value > MAX_COUNT) {
    return { error: `"${shown}" is more than ${formatCount(MAX_COUNT)}: check for extra digits.` };
  }
  if (!Number.isInteger(value)) return { error: `"${shown}" is not a whole number: count whole people.` };
  return { value };
}

function whatIsWrong(text) {
  if (/^[-\u2212\u2013]\s*[\d.,\s]+$/.test(text)) return `"${text}" is negative: give a count of 0 or more.`;
  if (/^\d{1,3}(?:\.\d{3})+$/.test(text)) {
    return `"${text}" has a full stop in it: write a count of a thousand or more as 1200 or 1,200.`;
  }
  if (/^\d[\d,\s]*\.\d+$/.test(text)) return `"${text}" is not a whole number: count whole people.`;
  if (/^\d+(?:,\d+)+$/.test(text)) {
    return `"${text}" has a comma in the wrong place: a comma may only separate thousands, as in 1,200.`;
  }
  const fixed = text.replace(/[OolI]/g, (ch) => LOOKALIKES[ch]);
  if (fixed !== text && (/^\d+$/.test(fixed) || GROUPED.test(fixed))) {
    const letter = text.match(/[OolI]/)[0];
    return `"${text}" has the letter ${letter} in it: did you mean ${fixed}?`;
  }
  return `"${text}" is not a whole number: use the digits 0 to 9, for example 42.`;
}

/** The one place numbers are rounded: to `places` decimals, a half rounding up. */
export function roundTo(value, places) {
  const factor = 10 ** places;
  // toPrecision removes binary noise such as 0.675 * 100 = 67.49999999999999.
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

/** A count as people read it, thousands separated: 1,200. */
export function formatCount(value) {
  return value.toLocaleString("en-GB");
}

/** A difference in percentage points with its sign: "+3", "-5", "0". */
export function signed(points) {
  return points > 0 ? `+${points}` : String(points);
}
