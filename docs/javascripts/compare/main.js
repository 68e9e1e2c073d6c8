/* Compare your workforce: the page's DOM code. The arithmetic, files and stored state are in
 * logic.js; numbers, storage and downloads in ../shared/.
 *
 * The build renders the form (one field per answer option, labelled with its own words) and
 * its data-config; this module reads the fields as they are typed, keeps them in
 * localStorage only when the visitor ticks "Keep" (never sent anywhere), and writes the results, the chart and the tables. A
 * field it cannot read is named at the field and in the summary at the top of the form, and
 * no result is shown until it is fixed. It runs from Material's `document$`, so it also
 * starts after instant navigation.
 */
import { download } from "../shared/download.js";
import { formatCount, signed } from "../shared/numbers.js";
import { browserStorage, clearStored, writeStored } from "../shared/storage.js";
import {
  HEADCOUNT,
  STORE,
  applyView,
  levelResults,
  readCountsFile,
  readFields,
  readSaved,
  resultsCsv,
  summarise,
} from "./logic.js";

const VIEW_NAMES = { analysis: "for your own analysis", publication: "for publication" };

function start() {
  const form = document.getElementById("hub-compare");
  if (!form || form.dataset.ready) return;
  const config = JSON.parse(form.dataset.config);
  const page = { form, config, state: emptyState(), notSaved: "", keep: false };
  const stored = readSaved(browserStorage(), config);
  if (stored.value) page.state = stored.value;
  // Kept only when the visitor chose to; numbers kept before the page asked stay kept, with
  // the box ticked, until the visitor unticks it.
  page.keep = Boolean(stored.value);
  const keep = form.querySelector("#hub-compare-keep");
  keep.checked = page.keep;
  keep.closest(".hub-keep").hidden = false;
  keep.addEventListener("change", () => setKeep(page, keep.checked));
  for (const input of fields(form)) {
    input.value = page.state.fields[input.name] ?? "";
    input.addEventListener("input", () => {
      page.state.fields[input.name] = input.value;
      save(page);
      render(page);
    });
    // The headcount is checked against the answers once the visitor leaves it.
    if (input.name === HEADCOUNT) input.addEventListener("blur", () => render(page));
  }
  const view = document.getElementById("hub-compare-view");
  view.hidden = false;
  for (const radio of view.querySelectorAll("input[type=radio]")) {
    radio.checked = radio.value === page.state.view;
    radio.addEventListener("change", () => {
      page.state.view = radio.value;
      save(page);
      render(page);
    });
  }
  form.querySelector("#hub-levels-file").addEventListener("change", (event) => loadFile(event, page));
  form.querySelector("#hub-compare-clear").addEventListener("click", () => clear(page));
  document.getElementById("hub-compare-download").addEventListener("click", () => downloadResults(page));
  document.getElementById("hub-compare-errors").addEventListener("click", (event) => focusField(event));
  form.addEventListener("submit", (event) => event.preventDefault());
  const results = document.getElementById("hub-compare-results");
  new ResizeObserver(() => markOverflow(results)).observe(results);
  render(page);
  if (stored.problem) {
    say(`${stored.problem} The page has started empty; "Clear all numbers" removes what was kept.`);
  }
  form.dataset.ready = "true";
}

function emptyState() {
  return { fields: {}, levels: [], levelsFile: "", view: "analysis" };
}

function fields(form) {
  return form.querySelectorAll(".hub-compare__counts input[type=text]");
}

/** The visitor's choice to keep the numbers in this browser: ticked, they are saved now and
 * after each change; unticked, what was kept is removed (the numbers stay on the page). */
function setKeep(page, keep) {
  page.keep = keep;
  page.notSaved = "";
  if (keep) {
    save(page);
    if (!page.notSaved) say("Your numbers are kept in this browser.");
    return;
  }
  const cleared = clearStored(browserStorage(), STORE.key, STORE.older);
  say(cleared.problem || "Nothing is kept in this browser now. The numbers stay on this page until you leave it.");
}

/** Keep the state in this browser, when the visitor chose to. A refusal is said once (with
 * `done`, what was just done, when there is one), and so is the first save that works after it. */
function save(page, done = "") {
  if (!page.keep) {
    if (done) say(done);
    return;
  }
  const result = writeStored(browserStorage(), STORE.key, STORE.version, page.state);
  if (result.problem && (done || page.notSaved !== result.problem)) say(done ? `${done} ${result.problem}` : result.problem);
  else if (done) say(done);
  else if (!result.problem && page.notSaved) say("Saved in this browser again.");
  page.notSaved = result.problem || "";
}

function clear(page) {
  for (const input of fields(page.form)) input.value = "";
  page.form.querySelector("#hub-levels-file").value = "";
  page.state = { ...emptyState(), view: page.state.view };
  const cleared = clearStored(browserStorage(), STORE.key, STORE.older);
  page.notSaved = "";
  page.keep = false;
  page.form.querySelector("#hub-compare-keep").checked = false;
  render(page);
  say(cleared.problem || "All numbers cleared, here and in this browser's storage.");
}

function render(page) {
  const { form, config, state } = page;
  const typing = document.activeElement === form.querySelector(`[name="${HEADCOUNT}"]`);
  const { counts, headcount, errors } = readFields(config, state.fields, { headcountDone: !typing });
  showFieldErrors(form, config, errors);
  const live = document.getElementById("hub-compare-live");
  const liveBody = document.getElementById("hub-compare-live-body");
  const out = document.getElementById("hub-compare-results");
  const button = document.getElementById("hub-compare-download");
  button.textContent = `Download the results ${VIEW_NAMES[state.view]} (CSV)`;
  out.closest(".hub-compare-summary").dataset.view = state.view;
  live.hidden = false;
  if (errors.length) {
    const fix = `No result is shown while a count cannot be read: fix ${errors.length === 1 ? "the count that has an error message" : `the ${errors.length} counts that have error messages`}.`;
    liveBody.replaceChildren(para(fix, "hub-compare__fix"));
    out.replaceChildren(para(fix, "hub-compare__fix"), errorLinks(form, errors));
    button.disabled = true;
    return;
  }
  const summary = summarise(config, counts, headcount);
  const shown = applyView(config, summary, levelResults(config, state.levels), state.view);
  button.disabled = summary.answered === 0 && state.levels.length === 0;
  if (summary.answered === 0) {
    liveBody.replaceChildren(para("Your shares appear here as you type."));
    out.replaceChildren(para("Type your counts above to see your shares here."));
  } else {
    liveBody.replaceChildren(glance(config, shown.summary));
    out.replaceChildren(...results(config, shown, state.view));
  }
  if (state.levels.length) out.append(...levelsView(config, shown.levels, state));
  markOverflow(out);
}

/** Each problem at its field (aria-invalid, aria-describedby) and in the summary at the top. */
function showFieldErrors(form, config, errors) {
  const byName = new Map(errors.map((e) => [e.name, e.message]));
  for (const input of fields(form)) {
    const message = byName.get(input.name);
    const box = document.getElementById(`${input.id}-error`);
    const hint = input.name === HEADCOUNT ? ["hub-headcount-hint"] : [];
    box.hidden = !message;
    box.replaceChildren(...(message ? [el("span", { class: "hub-compare__visually-hidden" }, "Error: "), message] : []));
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    const described = [...hint, ...(message ? [box.id] : [])].join(" ");
    if (described) input.setAttribute("aria-describedby", described);
    else input.removeAttribute("aria-describedby");
  }
  const summary = document.getElementById("hub-compare-errors");
  summary.hidden = errors.length === 0;
  summary.querySelector("ul").replaceWith(errorLinks(form, errors));
}

function errorLinks(form, errors) {
  return list(
    errors.map((e) => {
      const input = form.querySelector(`#hub-count-${CSS.escape(e.name)}`);
      return el("a", { href: `#${input.id}`, "data-field": input.id }, `${labelOf(input)}: ${e.message}`);
    }),
  );
}

/** A summary link moves the focus to its field (and shows the field's label with it). */
function focusField(event) {
  const link = event.target.closest("a[data-field]");
  if (!link) return;
  event.preventDefault();
  const input = document.getElementById(link.dataset.field);
  document.querySelector(`label[for="${input.id}"]`).scrollIntoView({ block: "center" });
  input.focus({ preventScroll: true });
}

function labelOf(input) {
  return document.querySelector(`label[for="${input.id}"]`).textContent.trim();
}

function say(text) {
  document.getElementById("hub-compare-messages").replaceChildren(para(text));
}

/** A count as the view shows it: hidden ones say why. */
function countText(config, count, hidden) {
  if (count !== null) return formatCount(count);
  return hidden === "primary" ? `fewer than ${config.maskUnder}` : "withheld";
}

function shareText(percent) {
  return percent === null ? "withheld" : `${percent}%`;
}

/** The compact summary beside the form (below it on a phone). */
function glance(config, summary) {
  const items = summary.groups
    .filter((g) => g.classified)
    .map((g) => {
      const item = el("li", {}, el("span", { class: "hub-compare__glance-label" }, g.label));
      item.append(" ", el("strong", {}, g.percent === null ? "withheld" : `${g.percent}%`));
      if (g.difference !== null) item.append(` (${signed(g.difference)} points)`);
      return item;
    });
  const rate = summary.response.percent;
  items.push(el("li", {}, el("span", { class: "hub-compare__glance-label" }, "Response rate"), " ", el("strong", {}, rate === null ? "–" : `${rate}%`)));
  return el("ul", { class: "hub-compare__glance" }, ...items);
}

function results(config, shown, view) {
  const summary = shown.summary;
  const b = config.benchmark;
  const nodes = [];
  const answered = countText(config, summary.answered, summary.answeredHidden);
  nodes.push(
    para(
      summary.classified === null
        ? `Answers: ${answered}. Numbers ${VIEW_NAMES[view]}.`
        : `Answers: ${answered}, of whom ${formatCount(summary.classified)} gave an answer in one of the three backgrounds. Numbers ${VIEW_NAMES[view]}.`,
      "hub-compare-answers",
    ),
  );
  if (view === "analysis" && summary.classified === 0) {
    nodes.push(para("No answer falls in a background yet (every answer is other, don't know or prefer not to say), so there are no shares to show."));
  }
  const table = el("table");
  table.append(el("caption", {}, `Your workforce beside the ${b.name} (${b.dateLabel})`));
  table.append(el("thead", {}, row("th", ["Background", "People", "Your share", "Benchmark", "Difference"])));
  const body = el("tbody");
  for (const g of summary.groups) {
    const people = countText(config, g.count, g.hidden);
    const cells = g.classified
      ? [g.label, people, g.percent === null ? (view === "publication" ? "withheld" : "–") : `${g.percent}%`, `${g.benchmark}%`, g.difference === null ? "–" : `${signed(g.difference)} points`]
      : [`${g.label} (other, don't know, prefer not to say)`, people, "left out", "", ""];
    body.append(row("td", cells));
  }
  table.append(body);
  nodes.push(scrolling(table, "hub-compare-table", "Your workforce beside the benchmark"));
  if (shown.hiddenAny) {
    nodes.push(para("Some numbers are hidden for publication, by the rule below the results. Choose \"for your own analysis\" to see them all.", "hub-compare-withheld"));
  }
  if (summary.roundingNote) nodes.push(para(summary.roundingNote, "hub-compare-rounding"));
  nodes.push(chart(summary));
  nodes.push(responseView(config, summary));
  const source = para(`Benchmark: ${b.name}, ${b.dateLabel}. Source: `);
  source.append(el("a", { href: b.source.url }, b.source.title), ".");
  nodes.push(source);
  return nodes;
}

function responseView(config, summary) {
  const r = summary.response;
  const box = el("div", { class: "hub-compare-response" });
  if (r.withheld) {
    box.append(para("Response rate: withheld for publication, as it would give back a hidden count."));
  } else if (r.percent === null) {
    box.append(para(r.message));
  } else {
    box.append(para(`Response rate: ${r.percent}% (everyone who answered, "prefer not to say" included, out of the headcount of ${formatCount(summary.headcount)}).`, "hub-compare-rate"));
    box.append(list(config.aims.map((a, i) => `${i === 0 ? "First aim" : "Then"}: ${a.label}. ${r.met.includes(a.label) ? "Met." : "Not met yet."}`)));
  }
  return box;
}

/** Bars drawn in SVG (widths as attributes, so the CSP needs no inline style); every word in
 * HTML text, so it keeps the page's type size at any width. */
function chart(summary) {
  const groups = summary.groups.filter((g) => g.classified);
  const describe = groups.map((g) => `${g.label}: your workforce ${shareText(g.percent)}, benchmark ${g.benchmark}%.`).join(" ");
  const figure = el("figure", { class: "hub-compare-figure" });
  const drawing = el("div", { class: "hub-chart", role: "img", "aria-label": `Your workforce beside the benchmark, by background. ${describe}` });
  for (const g of groups) {
    const group = el("div", { class: "hub-chart__group" }, el("p", { class: "hub-chart__label" }, g.label));
    for (const [name, value, cls] of [["Yours", g.percent, "hub-chart__yours"], ["Benchmark", g.benchmark, "hub-chart__benchmark"]]) {
      const svg = svgEl("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", class: "hub-chart__track", "aria-hidden": "true", focusable: "false" });
      if (value !== null) svg.append(svgEl("rect", { x: 0, y: 0, width: Math.max(value, 0.5), height: 10, class: cls }));
      group.append(el("div", { class: "hub-chart__bar" }, svg, el("span", { class: "hub-chart__value" }, `${name}: ${shareText(value)}`)));
    }
    drawing.append(group);
  }
  figure.append(drawing, el("figcaption", {}, "The same numbers as the table above: your share and the benchmark for each background."));
  return figure;
}

function levelsView(config, levels, state) {
  const group = config.groups.find((g) => g.id === config.progressGroup).label.toLowerCase();
  const first = levels[0]?.name ?? "";
  const heading = el("h3", { id: "hub-compare-levels-title" }, `By level: people from a ${group}`);
  const intro = para(`From ${state.levelsFile || "your file"}. The progression ratio is each level's share divided by the first level's (${first}).`);
  const table = el("table");
  table.append(el("caption", {}, `Share from a ${group}, by level`));
  table.append(el("thead", {}, row("th", ["Level", "People classified", "From that background", "Share", "Progression ratio", "Note"])));
  const body = el("tbody");
  for (const level of levels) {
    const note = level.hidden ? "Hidden for publication" : level.falls ? `Falls below ${first}` : "";
    body.append(
      row("td", [
        level.name,
        countText(config, level.classified, level.classifiedHidden),
        countText(config, level.count, level.hidden),
        level.percent === null ? (state.view === "publication" ? "withheld" : "–") : `${level.percent}%`,
        level.ratio === null ? (state.view === "publication" && level.percent !== null ? "withheld" : "–") : level.ratio.toFixed(2),
        note,
      ]),
    );
  }
  table.append(body);
  return [heading, intro, scrolling(table, "hub-compare-levels", "Share by level")];
}

async function loadFile(event, page) {
  const file = event.target.files[0];
  if (!file) return;
  const text = await file.text();
  const parsed = readCountsFile(text, page.config);
  if (parsed.errors) {
    const box = document.getElementById("hub-compare-messages");
    box.replaceChildren(para(`${file.name} was not loaded (nothing you entered has changed):`), list(parsed.errors));
    return;
  }
  if (parsed.kind === "results") {
    page.state.fields = parsed.fields;
    for (const input of fields(page.form)) input.value = parsed.fields[input.name] ?? "";
  }
  page.state.levels = parsed.levels;
  page.state.levelsFile = parsed.levels.length ? file.name : "";
  render(page);
  const what = parsed.kind === "results" ? `Loaded your counts${parsed.levels.length ? ` and ${parsed.levels.length} levels` : ""}` : `Loaded ${parsed.levels.length} levels`;
  save(page, `${what} from ${file.name}.`);
}

function downloadResults(page) {
  const { config, state } = page;
  const { counts, headcount, errors } = readFields(config, state.fields);
  if (errors.length) return;
  download(`compare-your-workforce-${state.view}.csv`, resultsCsv(config, counts, headcount, state.levels, state.view));
}

/** A table in Material's scrolling wrapper, which the keyboard can scroll too, after a line
 * that shows only while the table is wider than its box (markOverflow). */
function scrolling(table, cls, name) {
  const hint = el("p", { class: "hub-compare__scroll-hint" }, "Scroll the table sideways to see every column.");
  hint.hidden = true;
  const box = el("div", { class: `md-typeset__scrollwrap hub-compare__scroll ${cls}`, tabindex: "0", role: "region", "aria-label": name }, el("div", { class: "md-typeset__table" }, table));
  return el("div", { class: "hub-compare__table" }, hint, box);
}

/** Show each table's scroll line only when the table does not fit (checked again on resize). */
function markOverflow(root) {
  for (const box of root.querySelectorAll(".hub-compare__scroll")) {
    box.previousElementSibling.hidden = box.scrollWidth <= box.clientWidth + 1;
  }
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function para(text, cls) {
  return el("p", cls ? { class: cls } : {}, text);
}

function list(items) {
  return el("ul", {}, ...items.map((item) => el("li", {}, item)));
}

/** A table row whose first cell heads the row (or the column, in a header row). */
function row(cellTag, cells) {
  const tr = el("tr");
  cells.forEach((text, i) => {
    const tag = i === 0 ? "th" : cellTag;
    tr.append(el(tag, tag === "th" ? { scope: cellTag === "th" ? "col" : "row" } : {}, text));
  });
  return tr;
}

start();
if (window.document$) window.document$.subscribe(start);
