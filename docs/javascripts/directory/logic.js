/* Find an organisation: the pure logic (URL state, search words, matching, what the page says).
 *
 * Nothing here touches the page or the network, so tests call every function directly
 * (tests/js/directory/logic.test.mjs, with Node's runner). The data is organisations/filter.json
 * (hub.directory.export.to_filter_index):
 *   { labels: { regions, stages, support, organisation_types },
 *     areas: { id: [how a sentence names it, [areas around it, nearest first]] },
 *     organisations: [[slug, name, summary, type, support, where, places, areas it works in,
 *       areas it reaches as part of wider work, stages, elements, sectors], ...] }
 *
 * Word forms come from a stemmer the caller passes in (`stem(word) -> word`: the Porter
 * stemmer the page loads), so "mentoring" finds "mentor" and "recruit" finds "recruitment".
 *
 * The words go in `search` (links shared since the directory opened use it; it was chosen
 * when Material's own site search, since replaced, opened its dialog for any `q`).
 */

export const TEXT = "search";
export const FILTERS = ["region", "stage", "support", "element", "type"];
// At most this many matches are shown at once; "Show more" adds as many again. The same as
// the build's pages (hub.directory.render.PAGE_SIZE).
export const PAGE_SIZE = 100;
// Words that say nothing about an organisation: "mentoring in the north east" searches for
// mentoring, north and east.
export const STOP_WORDS = new Set(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]);

/* The state a query string asks for: { q, region, stage, support, element, type }. */
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

/* Lower case, without accents or apostrophes ("Café" -> "cafe", "King's" -> "kings"). Plain
 * ASCII, most of the directory, skips the Unicode work (the whole directory is folded at once). */
export function fold(text) {
  const lower = text.toLowerCase().replace(/['’]/g, "");
  return ASCII.test(lower) ? lower : lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

const ASCII = /^[\x00-\x7f]*$/;

/* The words of a text, folded: letters and digits of any script. */
export function words(text) {
  const folded = fold(text);
  return folded.split(ASCII.test(folded) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u).filter(Boolean);
}

/* `stem`, remembering each word's stem: the same few thousand words recur in every entry. */
export function remembering(stem) {
  const known = new Map();
  return (word) => {
    let found = known.get(word);
    if (found === undefined) {
      found = stem(word);
      known.set(word, found);
    }
    return found;
  };
}

/* An entry's search text: " word stem word stem … ", each word and its stem once, each between
 * spaces, so a search word matches whole words or the start of one ("north" finds "North
 * East", "art" does not find "start"). */
export function searchText(parts, stem) {
  const found = new Set();
  for (const word of words(parts.join(" "))) {
    found.add(word);
    found.add(stem(word));
  }
  return ` ${[...found].join(" ")} `;
}

// A search word this long, or the last one (still being typed), may be the start of a longer
// word ("apprentice" finds "apprenticeships"); a shorter one before it is a whole word ("care
// experienced" is about care, not careers).
export const PREFIX_LENGTH = 6;

/* The search words of a query, each as the forms that may match it: the word and its stem,
 * each followed by a space when it must be a whole word. Stop words are dropped. */
export function searchTerms(query, stem) {
  const wanted = words(query).filter((word) => !STOP_WORDS.has(word));
  return wanted.map((word, index) => {
    const end = index === wanted.length - 1 || word.length >= PREFIX_LENGTH ? "" : " ";
    const root = stem(word);
    return root === word ? [` ${word}${end}`] : [` ${word}${end}`, ` ${root}${end}`];
  });
}

/* Organisations ready to filter: each with its search text made once, here. */
export function prepare(data, stem) {
  const labels = data.labels;
  const cached = remembering(stem);
  return data.organisations.map(
    ([slug, name, summary, type, support, where, places, near, wider, stages, elements, sectors]) => {
      const supportLabels = support.map((id) => labels.support[id]);
      const whereLabels = where.map((id) => labels.regions[id]);
      return {
        slug,
        name,
        summary,
        facts: facts(labels.organisation_types[type], supportLabels, whereLabels, places),
        text: searchText(
          [name, summary, ...supportLabels, ...stages.map((id) => labels.stages[id]), ...sectors, ...whereLabels, ...places],
          cached,
        ),
        region: near,
        wider,
        stage: stages,
        support,
        element: elements,
        type: [type],
      };
    },
  );
}

/* The facts line under an entry, as hub/directory/templates/org-item.html writes it. */
export function facts(type, support, where, places) {
  const area = where.join(", ") + (places.length ? ` (${places.join(", ")})` : "");
  return [type, support.join(", "), area].join(" · ");
}

/* The organisations that match every filter and every search word, in their order: `near`
 * holds those that work in the chosen region (or all, with no region), `wider` those that
 * work there as part of wider work, across England or the UK. */
export function matches(items, state, stem) {
  const terms = searchTerms(state.q, stem);
  const region = state.region;
  const wanted = FILTERS.filter((name) => name !== "region" && state[name]);
  const near = [];
  const wider = [];
  for (const item of items) {
    let show = true;
    for (let f = 0; show && f < wanted.length; f++) show = item[wanted[f]].includes(state[wanted[f]]);
    for (let t = 0; show && t < terms.length; t++) {
      const forms = terms[t];
      show = item.text.includes(forms[0]) || (forms.length > 1 && item.text.includes(forms[1]));
    }
    if (!show) continue;
    if (!region || item.region.includes(region)) near.push(item);
    else if (item.wider.includes(region)) wider.push(item);
  }
  return { near, wider };
}

/* "England or the whole UK": the areas around `region`, as a sentence names them. */
export function widerWords(region, areas) {
  return areas[region][1].map((id) => areas[id][0]).join(" or ");
}

/* The headings over the two groups a region filter makes, and what to say when the first is
 * empty: plainly, that no organisation works there alone, and what the ones shown are. */
export function groupTexts(state, areas) {
  const place = areas[state.region][0];
  const across = widerWords(state.region, areas);
  const others = Boolean(state.q) || FILTERS.some((name) => name !== "region" && state[name]);
  const none = others
    ? `None of the organisations that match your other filters works specifically in ${place}.`
    : `No organisation in this directory works specifically in ${place} yet.`;
  return {
    near: `Working in ${place}`,
    wider: `Working across ${across}`,
    none: `${none} The ones below work across ${across}, which includes ${place}.`,
  };
}

/* What the status line says of the matches (`near` and `wider` counts) out of `total`, with
 * `limit` of them shown; with a region, how many work there and how many across a wider area. */
export function statusText(found, total, limit, state = {}, areas = {}) {
  const count = found.near + found.wider;
  if (count === 0) return "No organisations match these filters.";
  if (!state.region) {
    if (count === total && count <= limit) return `Showing all ${total} organisations.`;
    if (count > limit) return `${count} of ${total} match; showing the first ${limit}.`;
    return `Showing ${count} of ${total} organisations.`;
  }
  const across = `across ${widerWords(state.region, areas)}`;
  const split = found.near ? `${found.near} in ${areas[state.region][0]}, ${found.wider} ${across}` : `all ${across}`;
  if (count > limit) return `${count} of ${total} match (${split}); showing the first ${limit}.`;
  return `Showing ${count} of ${total} organisations: ${split}.`;
}
