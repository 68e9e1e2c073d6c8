/* Change over time as page elements: each round's shares beside the benchmark, the changes
 * with whether each can be read, the response rates, and a chart of the shares by round with
 * the benchmark. */
import { formatCount, signed } from "../shared/numbers.js";
import { STORE, applyView, changeResults, keepData, readState, resultsCsv } from "./change.js";
import { barChart, el, table } from "./dom.js";

const DASH = "\u2013";

/** The nodes that show `rounds` in `view`. */
export function renderChange(config, rounds, view) {
  const shown = applyView(config, changeResults(config, rounds), view);
  const mask = `fewer than ${config.maskUnder}`;
  const classified = config.groups.filter((g) => g.classified);
  const rest = config.groups.find((g) => !g.classified);
  const share = (r, id) => (r.shares[id] === null ? (r.sharesWithheld ? "withheld" : DASH) : `${r.shares[id]}%`);
  const count = (r, id) => (r.counts[id] === null ? (r.hidden[id] === "primary" ? mask : "withheld") : formatCount(r.counts[id]));
  const changeText = (c) =>
    c.withheld ? "withheld" : c.points === null ? DASH : `${signed(c.points)} points${c.readable ? "" : " (too small to read)"}`;
  const benchmark = config.benchmark;
  const nodes = [
    table(
      `Share of those whose background is known, by round, beside the benchmark (${benchmark.name}, ${benchmark.dateLabel})`,
      ["Round", ...classified.map((g) => g.label), rest.label, "Response rate"],
      [
        ...shown.map((r) => [
          r.name,
          ...classified.map((g) => `${share(r, g.id)} (${count(r, g.id)})`),
          count(r, rest.id),
          r.response.percent === null ? DASH : `${r.response.percent}% of ${formatCount(r.headcount)}`,
        ]),
        ["Benchmark", ...classified.map((g) => `${benchmark.shares[g.id]}%`), "", ""],
      ],
      "hub-journey-rounds",
    ),
  ];
  const changes = [];
  shown.forEach((r, i) => {
    if (r.fromBefore) changes.push([`${shown[i - 1].name} to ${r.name}`, ...classified.map((g) => changeText(r.fromBefore[g.id]))]);
    if (r.fromFirst) changes.push([`${shown[0].name} to ${r.name}`, ...classified.map((g) => changeText(r.fromFirst[g.id]))]);
  });
  if (changes.length) {
    nodes.push(table("Change in each share, in percentage points", ["Between", ...classified.map((g) => g.label)], changes, "hub-journey-changes"));
  }
  const last = shown.at(-1);
  const lower = last.fromBefore?.[config.progressGroup];
  nodes.unshift(
    el(
      "p",
      { class: "hub-journey__summary" },
      shown.length < 2
        ? "The file has one round, so there is no change to show yet: add the next round's counts."
        : lower.withheld
          ? "The latest change for people from lower socio-economic backgrounds is withheld for publication."
          : lower.points === null
            ? "The latest change cannot be worked out: a round has no one whose background is known."
            : `From ${shown.at(-2).name} to ${last.name}, the share from lower socio-economic backgrounds changed by ${signed(lower.points)} points: ${lower.readable ? "large enough to read something into" : "too small to read anything into"}.`,
    ),
  );
  nodes.push(
    barChart(
      "Each background's share by round, with the benchmark. The same figures are in the table above.",
      classified.map((g) => ({
        label: g.label,
        bars: [
          ...shown.map((r) => ({ name: r.name, value: r.shares[g.id], text: share(r, g.id), kind: g.id })),
          { name: "Benchmark", value: benchmark.shares[g.id], text: `${benchmark.shares[g.id]}%`, kind: "benchmark" },
        ],
      })),
    ),
  );
  return nodes;
}

/** The change over time page's analysis, for main.js. */
export const analysis = {
  render: renderChange,
  csv: resultsCsv,
  store: STORE,
  keep: keepData,
  readState,
  file: "change-over-time",
};
