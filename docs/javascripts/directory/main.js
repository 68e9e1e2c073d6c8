/* Find an organisation: loaded (as a module) on the directory's first page and on every
 * organisation's page, through their `tools` meta; runs from Material's `document$`, however
 * the visitor arrives.
 *
 * On the directory it loads the filters (page.js). On an organisation's page it lets "All
 * organisations" bring back the filters the visitor left the directory with: the directory
 * keeps its query string in this tab's sessionStorage, and a click on that link asks the
 * directory to take it up. The link itself stays "../", so the filters go to no server.
 */
const SAVED = "employer-hub:directory-filters";
const RESTORE = "employer-hub:directory-restore";

/* Keep the directory's query string ("" for none) for the way back from an organisation. */
function remember(query) {
  try {
    sessionStorage.setItem(SAVED, query);
  } catch {
    // storage switched off: "All organisations" then opens the directory unfiltered
  }
}

/* The query string to open the directory with, when the visitor came by "All organisations". */
function restored() {
  try {
    const asked = sessionStorage.getItem(RESTORE);
    sessionStorage.removeItem(RESTORE);
    return asked ? sessionStorage.getItem(SAVED) || "" : "";
  } catch {
    return "";
  }
}

function start() {
  const form = document.getElementById("hub-filters");
  if (form && document.getElementById("hub-orgs")) {
    const query = restored();
    if (query && !location.search) history.replaceState(history.state, "", location.pathname + query);
    import("./page.js").then((page) => page.start(form, remember));
  }
  const back = document.querySelector("a[data-hub-back]");
  if (back) {
    back.addEventListener("click", () => {
      try {
        sessionStorage.setItem(RESTORE, "1");
      } catch {
        // as in remember()
      }
    });
  }
}

window.document$.subscribe(start);
