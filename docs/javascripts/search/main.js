/* Site search, the part every page loads: a few lines that wait for the visitor to open the
 * search (the header box or button, "/" or "s"). Only then do the results code and Pagefind's
 * index (chunks fetched per query) come over the network: a visitor who never searches pays
 * for nothing else. The markup is overrides/partials/search.html.
 */
const toggle = document.getElementById("__search");
const input = document.getElementById("hub-search-input");
const box = document.querySelector("[data-hub-search]");
let dialog = null; // the results code, once loaded
let returnFocus = null; // where Esc puts focus back
// The words of a chosen result's query, for the page it opens to mark: kept in this tab's
// sessionStorage, never in the address, so the query goes to no server (nor a log or Referer).
const CHOSEN = "employer-hub:search-chosen";

function remember(path, words) {
  try {
    sessionStorage.setItem(CHOSEN, JSON.stringify({ path, words }));
  } catch {
    // storage turned off: the page opens unmarked
  }
}

function editable(element) {
  return Boolean(element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName)));
}

function load() {
  if (!dialog) {
    dialog = import("./dialog.js").then((module) => module.mount({ toggle, input, remember }));
    dialog.catch(() => {
      dialog = null; // offline for a moment: the next open tries again
    });
  }
  return dialog;
}

// Open at once, before anything has loaded, so the next keys typed go into the box and not
// to Material's page shortcuts; the results follow when the code and index arrive.
// The last query stays in the box with its results, selected: typing starts a new one.
function open(from) {
  if (!toggle.checked) {
    returnFocus = from;
    toggle.checked = true;
  }
  if (document.activeElement !== input) {
    input.focus();
    input.select();
  }
  load().then((search) => search.open());
}

// Esc works at once too, whether or not the results code has arrived.
function close() {
  toggle.checked = false;
  if (box.contains(document.activeElement)) document.activeElement.blur();
  if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  returnFocus = null;
}

// The page a result opened marks the query's words (highlight.js, loaded only then), whether
// it came through Material's instant navigation or as a full load; once, on that page only.
function highlightIfChosen() {
  let chosen = null;
  try {
    chosen = JSON.parse(sessionStorage.getItem(CHOSEN));
    sessionStorage.removeItem(CHOSEN);
  } catch {
    return;
  }
  if (chosen && chosen.path === location.pathname && Array.isArray(chosen.words)) {
    import("./highlight.js").then((module) => module.highlight(chosen.words));
  }
}
if (window.document$) window.document$.subscribe(highlightIfChosen);
else highlightIfChosen();

if (toggle && input && box) {
  // The header button (a label for the toggle) and, on wide screens, the box itself.
  toggle.addEventListener("change", () => {
    if (toggle.checked) open(null);
  });
  input.addEventListener("focus", () => open(null));
  // Enter in the box opens the first result (dialog.js); the form itself never submits.
  input.form.addEventListener("submit", (event) => event.preventDefault());
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented) return;
    if (toggle.checked) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
      return;
    }
    const key = event.key;
    const shortcut = key === "/" || key === "s" || key === "S";
    if (!shortcut || event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
    event.preventDefault();
    open(document.activeElement === document.body ? null : document.activeElement);
  });
}
