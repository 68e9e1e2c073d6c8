/* Masking for publication: counts under a threshold are hidden (primary suppression), and
 * where a hidden count could be worked back from a total and the counts beside it, another
 * count in that set is hidden too (secondary suppression). Pure functions, no DOM. */

/** Which counts to hide: a Map from cell id to "primary" or "secondary".
 *
 * `counts` maps each cell id to its count. Each set in `sets` is a list of `members` that add
 * up to `total` (a cell id), or to a total anyone can know when `total` is null. Any count
 * under `threshold` is hidden (0 included). Then, while some set has exactly one hidden cell
 * (a total counts as a cell of its set), or hidden members that, with its total known, add up
 * to under `threshold` (so their sum could be worked out and is itself small: two hidden 0s
 * beside a shown total are both given back), the smallest count still shown among its members
 * is hidden as well (the earlier one on a tie), or the total when no member is left, so that
 * no hidden count, nor a small sum of them, is the difference of shown ones. Sets are checked
 * in the order given. */
export function suppress(counts, sets, threshold) {
  const hidden = new Map();
  for (const [id, count] of Object.entries(counts)) {
    if (count < threshold) hidden.set(id, "primary");
  }
  // After each count hidden, the sets are checked again from the first: earlier sets (a
  // table's own rows) settle before later ones (totals across tables).
  for (let i = 0; i < sets.length; i++) {
    const { members, total } = sets[i];
    const cells = total ? [...members, total] : members;
    const withheld = cells.filter((id) => hidden.has(id));
    if (withheld.length === 0 || (withheld.length > 1 && !givesSmallSum(sets[i], counts, hidden, threshold))) continue;
    const shown = members.filter((id) => !hidden.has(id));
    const next = shown.length ? smallest(shown, counts) : total;
    if (next && !hidden.has(next)) {
      hidden.set(next, "secondary");
      i = -1;
    }
  }
  return hidden;
}

/* Whether a set's total is known (shown, or known to all) while the members hidden in it add up
 * to under the threshold: the total less the shown members then gives their sum, a small count
 * itself (0 when every hidden member is 0, which would give each of them back). */
function givesSmallSum({ members, total }, counts, hidden, threshold) {
  if (total && hidden.has(total)) return false;
  const sum = members.filter((id) => hidden.has(id)).reduce((all, id) => all + counts[id], 0);
  return sum < threshold;
}

function smallest(ids, counts) {
  return ids.reduce((best, id) => (counts[id] < counts[best] ? id : best));
}
