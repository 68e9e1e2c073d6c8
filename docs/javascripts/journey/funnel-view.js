/* The hiring funnel's results as page elements: the people at each stage, the pass rates with
 * the relative rate and its flag, and a chart of the pass rates. */
import { formatCount } from "../shared/numbers.js";
import { barChart, el, table } from "./dom.js";
import { STORE, applyView, funnelResults, keepData, readState, resultsCsv } from "./funnel.js";
import { REFERENCE_GROUP } from "./groups.js";

const DASH = "\u2013";

/** The nodes that show `stages` in `view`. */
export function renderFunnel(config, stages, view) {
  const shown = applyView(config, funnelResults(config, stages), view);
  const mask = `fewer than ${config.maskUnder}`;
  const label = Object.fromEntries(config.groups.map((g) => [g.id, g.label]));
  const count = (r, id) => (r.counts[id] === null ? (r.hidden[id] === "primary" ? mask : "withheld") : formatCount(r.counts[id]));
  const share = (r, g) => (!g.classified ? "" : r.shares[g.id] === null ? (view === "publication" && r.total !== 0 ? " (share withheld)" : "") : ` (${r.shares[g.id]}%)`);
  const rate = (r, id) => (r.withheld[id] ? "withheld" : r.passRates[id] === null ? DASH : `${r.passRates[id]}%`);
  const people = table(
    "People at each stage, by background (share of those whose background is known)",
    ["Stage", ...config.groups.map((g) => g.label), "All"],
    shown.map((r) => [r.name, ...config.groups.map((g) => `${count(r, g.id)}${share(r, g)}`), r.total === null ? "withheld" : formatCount(r.total)]),
    "hub-journey-people",
  );
  const later = shown.slice(1);
  const relativeName = `${label[config.progressGroup]} relative to ${label[REFERENCE_GROUP].toLowerCase()}`;
  const rates = table(
    "Pass rate from the stage before, by background",
    ["Stage", ...config.groups.map((g) => g.label), relativeName, "Note"],
    later.map((r) => [
      r.name,
      ...config.groups.map((g) => rate(r, g.id)),
      r.withheld.relative ? "withheld" : r.relative === null ? DASH : r.relative.toFixed(2),
      r.flagged ? "Under 0.80: worth a closer look" : "",
    ]),
    "hub-journey-rates",
  );
  const flagged = later.filter((r) => r.flagged).map((r) => r.name);
  const summary = el(
    "p",
    { class: "hub-journey__summary" },
    later.length === 0
      ? "The file has one stage, so there are no pass rates: add the stages that follow it."
      : flagged.length
        ? `Worth a closer look: at ${flagged.join(", ")}, people from lower socio-economic backgrounds passed at under four-fifths of the rate of people from professional backgrounds.`
        : "At no stage is the relative rate under 0.80 (where it can be shown).",
  );
  const classified = config.groups.filter((g) => g.classified);
  const chart = barChart(
    "Pass rate from the stage before, by background. The same figures are in the table above.",
    later.map((r) => ({
      label: r.name,
      bars: classified.map((g) => ({ name: g.label, value: r.withheld[g.id] ? null : r.passRates[g.id], text: rate(r, g.id), kind: g.id })),
    })),
  );
  return [summary, people, rates, ...(later.length ? [chart] : [])];
}

/** The funnel page's analysis, for main.js. */
export const analysis = {
  render: renderFunnel,
  csv: resultsCsv,
  store: STORE,
  keep: keepData,
  readState,
  file: "hiring-funnel",
};
