/* Site search: the pure parts (no DOM, no network), so tests call them directly.
 * docs/javascripts/search/dialog.js uses them; hub/search/ builds the index they query.
 */

/** The groups results are shown in, in this order: guidance first, then news and case
 * studies, then organisations, then the pages about the hub. Each page's group is a Pagefind
 * filter (`group`) that hub/search/pages.py gives it; a test checks both name these ids. */
export const GROUPS = [
  { id: "guidance", label: "Guidance" },
  { id: "news", label: "News and case studies" },
  { id: "organisations", label: "Organisations" },
  { id: "about", label: "About the hub" },
];

/** How many of a group's best matches a query shows at first. */
export const FIRST_SHOWN = 5;

/** How many more each "Show more" adds to a group (the rest are counted, not fetched). */
export const MORE = 10;

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

/** What the live region announces once a query's results are shown: the total, and how
 * many each group has (`groups`: [{label, total}], in the order they are shown). */
export function countText(groups) {
  const total = groups.reduce((sum, group) => sum + group.total, 0);
  if (total === 0) return "No matching documents";
  const parts = groups.filter((group) => group.total > 0).map((group) => `${group.total.toLocaleString("en-GB")} in ${group.label}`);
  return `${plural(total, "result")}: ${parts.join(", ")}`;
}

/** A group's heading: its label and how many results it has. */
export function groupHeading(label, total) {
  return `${label} (${plural(total, "result")})`;
}

/** The "Show more" button of a group with `shown` of `total` results on screen ("" when all are). */
export function moreText(label, shown, total) {
  const left = total - shown;
  if (left <= 0) return "";
  return `Show ${Math.min(MORE, left)} more in ${label} (${left} not shown)`;
}

function plural(count, noun) {
  return `${count.toLocaleString("en-GB")} ${noun}${count === 1 ? "" : "s"}`;
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
