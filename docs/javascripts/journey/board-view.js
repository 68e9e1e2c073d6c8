/* The report for the board: the page's DOM code. It reads what this browser keeps (the
 * calculator's counts, the three analyses' results when the visitor chose to keep them, the
 * action plan's progress), shows the sections the visitor chooses in the view they choose
 * (for publication first) and prints. It sends nothing: the one request it makes is for the
 * plan's actions file, the same file the plan page reads. */
import { readSaved as readWorkforce } from "../compare/logic.js";
import * as plan from "../plan/logic.js";
import { jsonOnce } from "../shared/fetch.js";
import { formatCount, signed } from "../shared/numbers.js";
import { browserStorage } from "../shared/storage.js";
import { SECTIONS, planReport, workforceReport } from "./board.js";
import { analysis as change } from "./change-view.js";
import { el, table } from "./dom.js";
import { analysis as funnel } from "./funnel-view.js";
import { readKeptResults } from "./groups.js";
import { analysis as pay } from "./pay-view.js";

// The plan's actions, fetched once a visit as the plan page fetches them.
const loadActions = jsonOnce(new URL("../../plan/actions.json", import.meta.url));
const ANALYSES = { change, funnel, pay };
const DASH = "\u2013";

/** Read what is kept, show it, and wire the choices and the Print button. */
export async function startBoard(form, config) {
  const storage = browserStorage();
  const kept = {
    workforce: readWorkforce(storage, config),
    ...Object.fromEntries(Object.entries(ANALYSES).map(([id, analysis]) => [id, readKeptResults(storage, analysis, config)])),
    plan: await readPlan(storage),
  };
  const report = { config, kept, view: "publication" };
  for (const radio of form.querySelectorAll("input[name=hub-board-view]")) {
    radio.checked = radio.value === report.view;
    radio.addEventListener("change", () => {
      report.view = radio.value;
      render(report);
    });
  }
  for (const box of form.querySelectorAll("input[name=hub-board-section]")) {
    box.addEventListener("change", () => choose(box));
  }
  form.querySelector("#hub-board-print").addEventListener("click", () => window.print());
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("hub-board-date").textContent = `Made on ${plan.longDate(new Date())}, from what this browser keeps.`;
  render(report);
  form.hidden = false;
  form.dataset.ready = "true";
}

/** The plan's kept progress with the actions it counts: {value: {data, state}}, {value: null}
 * when nothing is kept, or {problem}. Read by the plan's own readSaved; the actions file is
 * asked for only when there is progress to count. */
async function readPlan(storage) {
  const read = plan.readSaved(storage, {});
  if (read.blocked || read.problem === plan.UNREADABLE) return { problem: read.problem, blocked: read.blocked };
  if (!Object.keys(read.state.done).length && !Object.keys(read.state.notes).length) return { value: null };
  try {
    const data = await loadActions();
    return { value: { data, state: plan.migrate(read.state, data.merged ?? {}).state } };
  } catch {
    return { problem: "The list of actions could not be loaded, so the plan's progress cannot be counted. Try again later." };
  }
}

function choose(box) {
  document.getElementById(`hub-board-${box.value}`).hidden = !box.checked;
}

function render(report) {
  const out = document.getElementById("hub-board-sections");
  out.replaceChildren(...SECTIONS.map((section) => sectionNode(report, section)));
  for (const box of document.querySelectorAll("input[name=hub-board-section]")) choose(box);
}

/** One section: its heading, then what is kept, or why nothing is shown and where to fill it. */
function sectionNode(report, section) {
  const heading = el("h2", { id: `hub-board-${section.id}-title` }, section.title);
  const node = el("section", { id: `hub-board-${section.id}`, class: "hub-board-report__section", "aria-labelledby": heading.id }, heading);
  const stored = report.kept[section.id];
  const link = el("a", { href: section.href }, section.page);
  if (stored.problem) {
    if (stored.blocked) {
      node.append(el("p", { class: "hub-board-report__none" }, stored.problem));
      return node;
    }
    const cannot = `${section.page} kept something this report cannot use. ${stored.problem} Nothing kept is shown: open `;
    node.append(el("p", { class: "hub-board-report__none" }, cannot, link, " to load it again."));
    return node;
  }
  const shown = stored.value ? content(report, section.id, stored.value) : null;
  if (!shown || shown.empty || shown.problem) {
    const why = shown?.problem ?? "Nothing is kept in this browser for this section.";
    node.append(el("p", { class: "hub-board-report__none" }, `${why} `, link, ` fills it. ${section.fill}`));
    return node;
  }
  node.append(...shown.nodes, el("p", { class: "hub-board-report__method" }, `How this is worked out: ${section.method}`));
  return node;
}

/** What a section shows of its kept value: {nodes}, {empty} or {problem}. */
function content(report, id, value) {
  const { config, view } = report;
  if (id === "workforce") {
    const shown = workforceReport(config, value, view);
    return shown.summary ? { nodes: workforceNodes(config, shown) } : shown;
  }
  if (id === "plan") {
    const shown = planReport(value.data, value.state);
    return shown.rows ? { nodes: planNodes(shown) } : shown;
  }
  const from = el("p", { class: "hub-board-report__from" }, `From ${value.fileName}.`);
  return { nodes: [from, ...ANALYSES[id].render(config, value.data, view)] };
}

/** The calculator's snapshot: shares beside the benchmark, the response rate, and the levels. */
function workforceNodes(config, shown) {
  const s = shown.summary;
  const mask = (count, hidden) => (count !== null ? formatCount(count) : hidden === "primary" ? `fewer than ${config.maskUnder}` : "withheld");
  const nodes = [];
  if (s.answered !== 0) {
    const benchmark = `${config.benchmark.name}, ${config.benchmark.dateLabel}`;
    nodes.push(
      el("p", {}, s.response.percent === null ? `Response rate: ${s.response.withheld ? "withheld" : DASH}.` : `Response rate: ${s.response.percent}% of a headcount of ${formatCount(s.headcount)}.`),
      table(
        `Share of those whose background is known, beside the benchmark (${benchmark})`,
        ["Background", "People", "Share", "Benchmark", "Difference"],
        s.groups.map((g) => [
          g.label,
          mask(g.count, g.hidden),
          !g.classified ? "" : g.percent === null ? "withheld" : `${g.percent}%`,
          g.classified ? `${g.benchmark}%` : "",
          !g.classified ? "" : g.difference === null ? "withheld" : `${signed(g.difference)} points`,
        ]),
        "hub-board-workforce-table",
      ),
    );
  }
  if (shown.levels.length) {
    const lower = config.groups.find((g) => g.id === config.progressGroup).label;
    nodes.push(
      table(
        `${lower} by level, and the share's ratio to the first level's`,
        ["Level", "People whose background is known", "From a lower background", "Share", "Ratio"],
        shown.levels.map((l) => [
          l.name,
          mask(l.classified, l.classifiedHidden),
          mask(l.count, l.hidden),
          l.percent === null ? "withheld" : `${l.percent}%`,
          l.ratio === null ? "withheld" : l.ratio.toFixed(2),
        ]),
        "hub-board-levels",
      ),
    );
  }
  return nodes;
}

/** The plan's progress: where the organisation stands overall, then each part of the strategy. */
function planNodes(shown) {
  return [
    el("p", { class: "hub-journey__summary" }, `${shown.overall.stage}: ${shown.overall.text}.`),
    table(
      "Progress by part of the strategy",
      ["Part of the strategy", "Where you stand", "Actions done"],
      shown.rows.map((r) => [r.label, r.stage, r.text]),
      "hub-board-plan-table",
    ),
  ];
}
