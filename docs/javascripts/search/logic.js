/* Site search: the pure parts (no DOM, no network), so tests call them directly.
 * docs/javascripts/search/dialog.js uses them; hub/search/ builds the index they query.
 */

/** How many results a query shows at once (the rest are counted, not fetched). */
export const SHOWN = 10;

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

/** Pagefind's excerpt (escaped text with <mark> around matches) as [{text, marked}] runs.
 * The page builds text nodes from these, so nothing in an excerpt is ever parsed as HTML. */
export function excerptRuns(excerpt) {
  const runs = [];
  String(excerpt || "")
    .split(/(<mark>|<\/mark>)/)
    .reduce((marked, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      const text = part.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
      if (text) runs.push({ text, marked });
      return marked;
    }, false);
  return runs;
}

/** What the live region announces once a query's results are shown. */
export function countText(total, shown) {
  if (total === 0) return "No matching documents";
  const count = total === 1 ? "1 matching document" : `${total} matching documents`;
  return shown < total ? `${count}, showing the first ${shown}` : count;
}

/** The next focus position when arrow keys move through results: -1 is the search box. */
export function nextPosition(current, length, step) {
  if (length === 0) return -1;
  const next = current + step;
  if (next < -1) return length - 1;
  if (next >= length) return -1;
  return next;
}

/** The query as the index sees it: trimmed, inner spaces collapsed. */
export function normalise(query) {
  return String(query || "").trim().replace(/\s+/g, " ");
}

/** The site's root and the Pagefind bundle's addresses, from this module's own URL. */
export function bundleUrls(moduleUrl) {
  const root = new URL("../../", moduleUrl);
  return {
    root,
    pagefind: new URL("pagefind/pagefind.js", root),
    highlight: new URL("pagefind/pagefind-highlight.js", root),
  };
}
