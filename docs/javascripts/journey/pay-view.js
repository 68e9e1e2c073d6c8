/* The class pay gap's results as page elements: pay and gaps by background (and by level),
 * the pay quartiles, and a chart of the quartiles. */
import { formatCount, roundTo } from "../shared/numbers.js";
import { barChart, el, table } from "./dom.js";
import { REFERENCE_GROUP } from "./groups.js";
import { STORE, applyView, keepData, readState, resultsCsv } from "./pay.js";

const DASH = "\u2013";

/** The nodes that show the pay `results` in `view`. */
export function renderPay(config, results, view) {
  const shown = applyView(config, results, view);
  const mask = `fewer than ${config.maskUnder}`;
  const money = (v) => (v === null ? DASH : `£${roundTo(v, 2).toFixed(2)}`);
  const gapText = (g, v) => (g.id === REFERENCE_GROUP || !g.classified ? "" : v === null ? (view === "publication" ? "withheld" : DASH) : `${v.toFixed(1)}%`);
  const groupRows = (groups) =>
    groups.map((g) => {
      const off = Boolean(g.hidden);
      const withheld = off ? "withheld" : null;
      return [
        g.label,
        off ? (g.hidden === "primary" ? mask : "withheld") : formatCount(g.people),
        withheld ?? money(g.mean),
        withheld ?? money(g.median),
        gapText(g, g.meanGap),
        gapText(g, g.medianGap),
      ];
    });
  const header = ["Background", "People", "Mean hourly pay", "Median hourly pay", "Mean gap", "Median gap"];
  const nodes = [table("Hourly pay by background; the gap is to professional-background pay, as a percentage of it", header, groupRows(shown.groups), "hub-journey-pay")];
  const lower = shown.groups.find((g) => g.id === config.progressGroup);
  nodes.unshift(
    el(
      "p",
      { class: "hub-journey__summary" },
      lower.meanGap === null || lower.medianGap === null
        ? "The gap between professional and lower socio-economic backgrounds cannot be shown for these numbers."
        : `People from lower socio-economic backgrounds are paid ${Math.abs(lower.medianGap).toFixed(1)}% ${lower.medianGap >= 0 ? "less" : "more"} than people from professional backgrounds at the median, and ${Math.abs(lower.meanGap).toFixed(1)}% ${lower.meanGap >= 0 ? "less" : "more"} on the mean.`,
    ),
  );
  const classified = config.groups.filter((g) => g.classified);
  const share = (b, id) => (b.shares[id] === null ? (b.people ? "withheld" : DASH) : `${b.shares[id].toFixed(1)}%`);
  nodes.push(
    table(
      "Pay quartiles: each background's share of each quarter of the people, from the lowest paid",
      ["Quartile", "People", ...classified.map((g) => g.label)],
      shown.quartiles.map((b) => [b.band, formatCount(b.people), ...classified.map((g) => share(b, g.id))]),
      "hub-journey-quartiles",
    ),
    barChart(
      "Each background's share of each pay quartile. The same figures are in the table above.",
      shown.quartiles.map((b) => ({
        label: `${b.band[0].toUpperCase()}${b.band.slice(1)} quartile`,
        bars: classified.map((g) => ({ name: g.label, value: b.shares[g.id], text: share(b, g.id), kind: g.id })),
      })),
    ),
  );
  for (const [i, level] of shown.levels.entries()) {
    nodes.push(table(`Level: ${level.name}`, header, groupRows(level.groups), `hub-journey-level-${i}`));
  }
  return nodes;
}

/** The pay gap page's analysis, for main.js. */
export const analysis = {
  render: renderPay,
  csv: resultsCsv,
  store: STORE,
  keep: keepData,
  readState,
  file: "class-pay-gap",
};
