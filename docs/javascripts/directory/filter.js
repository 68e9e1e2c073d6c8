/* Find an organisation: the pure logic (URL state, matching, what the status line says).
 *
 * Nothing here touches the page or the network, so tests call every function directly.
 * The data is organisations/filter.json (hub.directory.organisations.to_filter_index):
 *   { labels: { regions, support, organisation_types }, organisations: [[slug, name,
 *     summary, type, support, regions, served regions, elements, sectors], ...] }
 *
 * The words go in `search` (links shared since the directory opened use it; it was chosen
 * when Material's own site search, since replaced, opened its dialog for any `q`).
 */

export const TEXT = "search";
export const FILTERS = ["region", "support", "element", "type"];
// At most this many matches are shown at once; "Show more" adds as many again. The same as
// the build's pages (hub.directory.organisations.PAGE_SIZE).
export const PAGE_SIZE = 100;

/* The state a query string asks for: { q, region, support, element, type }. */
export function readQuery(search) {
  const params = new URLSearchParams(search);
  const state = { q: (params.get(TEXT) || "").trim() };
  for (const name of FILTERS) state[name] = params.get(name) || "";
  return state;
}

/* The query string ("?…", or "" for no filter) that reproduces `state`. */
export function queryString(state) {
  const params = new URLSearchParams();
  if (state.q) params.set(TEXT, state.q);
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/* True when the state filters nothing: the page as built is the view. */
export function isUnfiltered(state) {
  return !state.q && FILTERS.every((name) => !state[name]);
}

export function words(text) {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/* Organisations ready to filter: each with its lowercase search text made once, here. */
export function prepare(data) {
  const labels = data.labels;
  return data.organisations.map(([slug, name, summary, type, support, regions, served, elements, sectors]) => ({
    slug,
    name,
    summary,
    facts: [
      labels.organisation_types[type],
      support.map((id) => labels.support[id]).join(", "),
      regions.map((id) => labels.regions[id]).join(", "),
    ].join(" · "),
    text: [name, summary, ...sectors].join(" ").toLowerCase(),
    region: served,
    support,
    element: elements,
    type: [type],
  }));
}

/* The organisations that match every filter and every search word, in their order. */
export function matches(items, state) {
  const terms = words(state.q);
  const wanted = FILTERS.filter((name) => state[name]);
  const found = [];
  for (const item of items) {
    let show = true;
    for (let f = 0; show && f < wanted.length; f++) show = item[wanted[f]].includes(state[wanted[f]]);
    for (let t = 0; show && t < terms.length; t++) show = item.text.includes(terms[t]);
    if (show) found.push(item);
  }
  return found;
}

/* What the status line says of `count` matches out of `total`, `limit` of them shown. */
export function statusText(count, total, limit) {
  if (count === total && count <= limit) return `Showing all ${total} organisations.`;
  if (count === 0) return "No organisations match these filters.";
  if (count > limit) return `${count} of ${total} match; showing the first ${limit}.`;
  return `Showing ${count} of ${total} organisations.`;
}
