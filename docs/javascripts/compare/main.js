/* Compare your workforce: the page's DOM code. The arithmetic is in calc.js.
 *
 * The build renders the form (one field per answer option, labelled with its own words) and
 * its data-config; this module reads the fields as they are typed, keeps them in
 * localStorage (never sent anywhere), and writes the results, the chart and the table.
 * It runs from Material's `document$`, so it also starts after instant navigation.
 */
import {
  levelResults,
  parseCount,
  parseLevelsCsv,
  resultsCsv,
  showCount,
  signed,
  summarise,
} from "./calc.js";

const STORE = "hub-compare";
const SVG = "http://www.w3.org/2000/svg";

function start() {
  const form = document.getElementById("hub-compare");
  if (!form || form.dataset.ready) return;
  form.dataset.ready = "true";
  const config = JSON.parse(form.dataset.config);
  const saved = load();
  const state = { levels: saved.levels || [], levelsFile: saved.levelsFile || "" };
  for (const input of form.querySelectorAll("input[type=text]")) {
    input.value = (saved.fields || {})[input.name] || "";
    input.addEventListener("input", () => update(form, config, state));
  }
  form.querySelector("#hub-levels-file").addEventListener("change", (event) => loadFile(event, form, config, state));
  form.querySelector("#hub-compare-clear").addEventListener("click", () => {
    form.querySelectorAll("input[type=text]").forEach((input) => (input.value = ""));
    form.querySelector("#hub-levels-file").value = "";
    state.levels = [];
    state.levelsFile = "";
    update(form, config, state);
    say("All numbers cleared, here and in this browser's storage.");
  });
  form.querySelector("#hub-compare-download").addEventListener("click", () => download(config, state));
  form.addEventListener("submit", (event) => event.preventDefault());
  update(form, config, state);
}

function load() {
  try {
    return JSON.parse(localStorage.getItem(STORE) || "{}");
  } catch {
    return {};
  }
}

function save(fields, state) {
  try {
    localStorage.setItem(STORE, JSON.stringify({ fields, levels: state.levels, levelsFile: state.levelsFile }));
  } catch {
    /* storage full or blocked: the page still works, it just forgets on reload */
  }
}

function update(form, config, state) {
  const fields = {};
  const counts = {};
  const problems = [];
  let headcount = null;
  for (const input of form.querySelectorAll("input[type=text]")) {
    fields[input.name] = input.value;
    const parsed = parseCount(input.value);
    input.setAttribute("aria-invalid", parsed.error ? "true" : "false");
    if (parsed.error) problems.push(`${labelOf(input)}: ${parsed.error}.`);
    else if (input.name === "headcount") headcount = parsed.value;
    else counts[input.name] = parsed.value ?? 0;
  }
  save(fields, state);
  const summary = summarise(config, counts, headcount);
  if (summary.response.error) problems.push(summary.response.error);
  showProblems(problems);
  state.summary = summary;
  state.results = levelResults(config, state.levels);
  form.querySelector("#hub-compare-download").disabled = summary.answered === 0 && state.levels.length === 0;
  const out = document.getElementById("hub-compare-results");
  out.replaceChildren(...(summary.answered > 0 ? results(config, summary) : [para("Type your counts above to see your shares here.")]));
  if (state.levels.length) out.append(...levelsView(config, state));
}

function labelOf(input) {
  return document.querySelector(`label[for="${input.id}"]`).textContent.trim();
}

function showProblems(problems) {
  const box = document.getElementById("hub-compare-messages");
  box.replaceChildren();
  if (!problems.length) return;
  box.append(para("Please check:"), list(problems));
}

function say(text) {
  document.getElementById("hub-compare-messages").replaceChildren(para(text));
}

function results(config, summary) {
  const mask = (n) => showCount(n, config.maskUnder);
  const b = config.benchmark;
  const nodes = [];
  const classifiedText = summary.classified > 0 ? `, ${mask(summary.classified)} of them in one of the three backgrounds` : "";
  nodes.push(para(`Answers: ${mask(summary.answered)}${classifiedText}.`));
  if (summary.classified === 0) {
    nodes.push(para("No answer falls in a background yet (every answer is other, don't know or prefer not to say), so there are no shares to show."));
  }
  // Material styles only tables without a class, so the class goes on the wrapper.
  const table = el("table");
  table.append(el("caption", {}, `Your workforce beside the ${b.name} (${b.dateLabel})`));
  table.append(el("thead", {}, row("th", ["Background", "People", "Your share", "Benchmark", "Difference"], "col")));
  const body = el("tbody");
  for (const g of summary.groups) {
    const cells = g.classified
      ? [g.label, mask(g.count), g.percent === null ? "withheld" : `${g.percent}%`, `${g.benchmark}%`, g.difference === null ? "–" : `${signed(g.difference)} points`]
      : [`${g.label} (other, don't know, prefer not to say)`, mask(g.count), "left out", "", ""];
    body.append(row("td", cells, "row"));
  }
  table.append(body);
  nodes.push(wrapped(table, "hub-compare-table"));
  if (summary.groups.some((g) => g.classified && g.masked && summary.classified > 0)) {
    nodes.push(para(`Shares based on fewer than ${config.maskUnder} people are withheld, so that nobody can be picked out when results are shared.`, "hub-compare-withheld"));
  }
  if (summary.roundingNote) nodes.push(para(summary.roundingNote, "hub-compare-rounding"));
  nodes.push(chart(config, summary));
  nodes.push(responseView(config, summary));
  const source = para(`Benchmark: ${b.name}, ${b.dateLabel}. Source: `);
  source.append(el("a", { href: b.source.url }, b.source.title), ".");
  nodes.push(source);
  return nodes;
}

function responseView(config, summary) {
  const r = summary.response;
  const box = el("div", { class: "hub-compare-response" });
  if (r.percent === null) {
    box.append(para(r.error || r.message));
    return box;
  }
  box.append(para(`Response rate: ${r.percent}% (everyone who answered, "prefer not to say" included, out of the headcount).`, "hub-compare-rate"));
  box.append(list(config.aims.map((a, i) => `${i === 0 ? "First aim" : "Then"}: ${a.label}. ${r.met.includes(a.label) ? "Met." : "Not met yet."}`)));
  return box;
}

function chart(config, summary) {
  const groups = summary.groups.filter((g) => g.classified);
  const rowHeight = 56;
  const width = 640;
  const left = 230;
  const scale = (width - left - 60) / 100;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${groups.length * rowHeight + 30}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", "hub-chart-title hub-chart-desc");
  svg.classList.add("hub-compare-chart");
  const describe = groups
    .map((g) => `${g.label}: your workforce ${g.percent === null ? "withheld" : `${g.percent}%`}, benchmark ${g.benchmark}%.`)
    .join(" ");
  svg.append(svgEl("title", { id: "hub-chart-title" }, "Your workforce beside the benchmark, by background"));
  svg.append(svgEl("desc", { id: "hub-chart-desc" }, describe));
  groups.forEach((g, i) => {
    const y = 10 + i * rowHeight;
    svg.append(svgEl("text", { x: 0, y: y + 22, class: "hub-chart-label" }, g.label));
    const bars = [
      ["Yours", g.percent, "hub-chart-yours"],
      ["Benchmark", g.benchmark, "hub-chart-benchmark"],
    ];
    bars.forEach(([name, value, cls], j) => {
      const by = y + j * 22;
      const w = value === null ? 0 : Math.max(value * scale, 1);
      svg.append(svgEl("rect", { x: left, y: by, width: w, height: 18, class: cls }));
      const text = `${name}: ${value === null ? "withheld" : `${value}%`}`;
      svg.append(svgEl("text", { x: left + w + 6, y: by + 14, class: "hub-chart-value" }, text));
    });
  });
  const figure = el("figure", { class: "hub-compare-figure" });
  figure.append(svg, el("figcaption", {}, "The same numbers as the table above: your share and the benchmark for each background."));
  return figure;
}

function levelsView(config, state) {
  const group = config.groups.find((g) => g.id === config.progressGroup).label.toLowerCase();
  const first = state.results[0]?.name ?? "";
  const heading = el("h3", { id: "hub-compare-levels-title" }, `By level: people from a ${group}`);
  const intro = para(`From ${state.levelsFile || "your file"}. The progression ratio is each level's share divided by the first level's (${first}).`);
  const table = el("table");
  table.append(el("caption", {}, `Share from a ${group}, by level`));
  table.append(el("thead", {}, row("th", ["Level", "People", "Share", "Progression ratio", "Note"], "col")));
  const body = el("tbody");
  for (const level of state.results) {
    const note = level.percent === null ? `Withheld: fewer than ${config.maskUnder} people` : level.falls ? `Falls below ${first}` : "";
    body.append(
      row("td", [level.name, showCount(level.count, config.maskUnder), level.percent === null ? "withheld" : `${level.percent}%`, level.ratio === null ? "–" : level.ratio.toFixed(2), note], "row"),
    );
  }
  table.append(body);
  return [heading, intro, wrapped(table, "hub-compare-levels")];
}

async function loadFile(event, form, config, state) {
  const file = event.target.files[0];
  if (!file) return;
  const text = await file.text();
  const parsed = parseLevelsCsv(text, config);
  if (parsed.errors.length) {
    const box = document.getElementById("hub-compare-messages");
    box.replaceChildren(para(`${file.name} was not loaded (nothing you entered has changed):`), list(parsed.errors));
    return;
  }
  state.levels = parsed.levels;
  state.levelsFile = file.name;
  update(form, config, state);
  say(`Loaded ${parsed.levels.length} levels from ${file.name}.`);
}

function download(config, state) {
  const blob = new Blob([resultsCsv(config, state.summary, state.results)], { type: "text/csv" });
  const link = el("a", { href: URL.createObjectURL(blob), download: "compare-your-workforce.csv" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** A table in Material's scrolling wrappers, named by `cls`. */
function wrapped(table, cls) {
  return el("div", { class: `md-typeset__scrollwrap ${cls}` }, el("div", { class: "md-typeset__table" }, table));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function para(text, cls) {
  return el("p", cls ? { class: cls } : {}, text);
}

function list(items) {
  return el("ul", {}, ...items.map((item) => el("li", {}, item)));
}

function row(cellTag, cells, scope) {
  const tr = el("tr");
  cells.forEach((text, i) => {
    const tag = i === 0 ? "th" : cellTag;
    tr.append(el(tag, tag === "th" ? { scope: cellTag === "th" ? "col" : scope } : {}, text));
  });
  return tr;
}

start();
if (window.document$) window.document$.subscribe(start);
