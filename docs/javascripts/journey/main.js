/* The employee journey's analyses: the page's DOM code, shared by the hiring funnel, class
 * pay gap and change over time pages (the form's data-analysis names which), and the start of
 * the report for the board (board-view.js). The arithmetic
 * is in funnel.js, pay.js and change.js, shown by *-view.js; CSV, masking and downloads are
 * in ../shared/.
 *
 * A file is read in the browser and never sent. A file with any bad row changes nothing: its
 * problems are listed by row, and the results already shown stay. Only when the visitor ticks
 * "Keep" are the results (never the file's rows) kept in this browser's storage, for the
 * board report and the next visit; unticking or "Clear" removes them. Runs from Material's
 * `document$`, so it also starts after instant navigation. */
import { download } from "../shared/download.js";
import { browserStorage, clearStored, writeStored } from "../shared/storage.js";
import { el } from "./dom.js";
import { readKeptResults } from "./groups.js";

// Each analysis's page module (render, csv, file), loaded only on its own page.
const ANALYSES = {
  funnel: () => import("./funnel-view.js"),
  pay: () => import("./pay-view.js"),
  change: () => import("./change-view.js"),
};
const VIEW_NAMES = { analysis: "for your own analysis", publication: "for publication" };

async function start() {
  const board = document.getElementById("hub-board");
  if (board && !board.dataset.starting) {
    board.dataset.starting = "true";
    const { startBoard } = await import("./board-view.js");
    startBoard(board, readConfig());
    return;
  }
  const form = document.getElementById("hub-journey");
  if (!form || form.dataset.starting) return;
  form.dataset.starting = "true";
  const config = readConfig();
  const { analysis } = await ANALYSES[form.dataset.analysis]();
  const page = { form, config, analysis, name: form.dataset.analysis, data: null, fileName: "", view: "analysis", reads: 0, keep: false };
  const stored = readKeptResults(browserStorage(), analysis, config);
  if (stored.value) Object.assign(page, stored.value, { keep: true });
  const keep = form.querySelector("#hub-journey-keep");
  keep.checked = page.keep;
  keep.closest(".hub-keep").hidden = false;
  keep.addEventListener("change", () => setKeep(page, keep.checked));
  const view = document.getElementById("hub-journey-view");
  view.hidden = false;
  for (const radio of view.querySelectorAll("input[type=radio]")) {
    radio.checked = radio.value === page.view;
    radio.addEventListener("change", () => {
      page.view = radio.value;
      render(page);
      const saved = save(page);
      if (saved.problem) say(saved.problem);
    });
  }
  form.querySelector("#hub-journey-file").addEventListener("change", (event) => load(event, page));
  form.querySelector("#hub-journey-clear").addEventListener("click", () => clear(page));
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("hub-journey-download").addEventListener("click", () => {
    download(`${page.analysis.file}-${page.view}.csv`, page.analysis.csv(page.config, page.data, page.view));
  });
  render(page);
  if (stored.value) say(`The results from ${page.fileName} were kept in this browser, as you chose.`);
  if (stored.problem) say(stored.blocked ? stored.problem : `${stored.problem} Nothing kept is shown; "Clear the results" removes it.`);
  form.dataset.ready = "true";
}

/** The answer options, groups, benchmark and masking rule the build gives the page. */
function readConfig() {
  return JSON.parse(document.getElementById("hub-journey-config").dataset.config);
}

/** The visitor's choice to keep the results in this browser: ticked, they are saved now and
 * after each change; unticked, what was kept is removed. */
function setKeep(page, keep) {
  page.keep = keep;
  if (keep) {
    const saved = save(page);
    say(saved.problem || (page.data ? "The results are kept in this browser." : "Results you load will be kept in this browser."));
    return;
  }
  const cleared = clearStored(browserStorage(), page.analysis.store.key);
  say(cleared.problem || "Nothing is kept in this browser now. The results stay on this page until you leave it.");
}

/** Keep what the page shows, when the visitor chose to: {ok} or {problem} (shared/storage.js's
 * words, for the caller to say). */
function save(page) {
  if (!page.keep || !page.data) return { ok: true };
  const kept = { fileName: page.fileName, view: page.view, data: page.analysis.keep(page.data) };
  return writeStored(browserStorage(), page.analysis.store.key, page.analysis.store.version, kept);
}

async function load(event, page) {
  const input = event.target;
  const file = input.files[0];
  if (!file) return;
  showErrors([]);
  say(`Reading ${file.name}…`);
  const text = await file.text();
  const id = ++page.reads;
  const result = await readOffMainThread(page, id, text);
  if (id !== page.reads) return; // a later file was chosen meanwhile: its result wins
  if (result.errors) {
    const kept = page.data ? ` Nothing from it was used: the results below are still from ${page.fileName}.` : " Nothing from it was used.";
    showErrors(result.errors);
    say(`${file.name} could not be read.${kept}`);
    input.value = "";
    return;
  }
  page.data = result.data;
  page.fileName = file.name;
  render(page);
  const saved = save(page);
  say(`Loaded ${result.loaded} from ${file.name}.${saved.problem ? ` ${saved.problem}` : ""}`);
}

/** The file read in worker.js, so a large file does not freeze the page. */
function readOffMainThread(page, id, text) {
  page.worker ??= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  return new Promise((resolve) => {
    const done = (event) => {
      if (event.data.id !== id) return;
      page.worker.removeEventListener("message", done);
      resolve(event.data.result);
    };
    page.worker.addEventListener("message", done);
    page.worker.postMessage({ id, analysis: page.name, text, config: page.config });
  });
}

function clear(page) {
  page.reads++;
  page.data = null;
  page.fileName = "";
  page.form.querySelector("#hub-journey-file").value = "";
  page.keep = false;
  page.form.querySelector("#hub-journey-keep").checked = false;
  const cleared = clearStored(browserStorage(), page.analysis.store.key);
  showErrors([]);
  render(page);
  say(cleared.problem || "Results cleared, here and in this browser's storage.");
}

function render(page) {
  const out = document.getElementById("hub-journey-results");
  const button = document.getElementById("hub-journey-download");
  button.textContent = `Download the results ${VIEW_NAMES[page.view]} (CSV)`;
  if (!page.data) {
    out.replaceChildren(el("p", {}, "Load a file above to see your results here."));
    button.disabled = true;
    return;
  }
  out.replaceChildren(...page.analysis.render(page.config, page.data, page.view));
  button.disabled = false;
}

function showErrors(errors) {
  const box = document.getElementById("hub-journey-errors");
  box.hidden = errors.length === 0;
  box.querySelector("ul").replaceChildren(...errors.map((e) => el("li", {}, e)));
  if (errors.length) box.focus();
}

function say(text) {
  document.getElementById("hub-journey-messages").textContent = text;
}

start();
if (window.document$) window.document$.subscribe(start);
