/* DOM building for the journey pages: elements, tables in Material's scroll wrapper, and bar
 * charts drawn as SVG with their words as page text (widths as attributes: no inline style,
 * so the CSP holds). */

/** An element with attributes and children (text or elements). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A table with a caption, a header row and body rows (the first cell of each heads its row),
 * in a focusable scroll region so a keyboard can scroll it; `className` marks the wrapper. */
export function table(caption, header, body, className) {
  const head = el("thead", {}, el("tr", {}, ...header.map((text) => el("th", { scope: "col" }, text))));
  const rows = body.map((cells) => el("tr", {}, ...cells.map((text, i) => (i === 0 ? el("th", { scope: "row" }, text) : el("td", {}, text)))));
  const id = `hub-table-${className}`;
  // No class on the table itself: Material styles only tables without one.
  const t = el("table", {}, el("caption", { id }, caption), head, el("tbody", {}, ...rows));
  return el("div", { class: `md-typeset__scrollwrap ${className}` }, el("div", { class: "md-typeset__table", role: "region", tabindex: "0", "aria-labelledby": id }, t));
}

/** A bar chart of percentages: groups of labelled bars, each with its value as text.
 * `groups` is [{label, bars: [{name, value (0–100 or null), text, kind}]}]. */
export function barChart(title, groups) {
  const chart = el("figure", { class: "hub-journey-chart" });
  for (const group of groups) {
    const box = el("div", { class: "hub-journey-chart__group" }, el("p", { class: "hub-journey-chart__label" }, group.label));
    for (const bar of group.bars) {
      const svg = svgEl("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", class: "hub-journey-chart__track", "aria-hidden": "true", focusable: "false" });
      if (bar.value !== null) svg.append(svgEl("rect", { x: 0, y: 0, width: Math.min(Math.max(bar.value, 0.5), 100), height: 10, class: `hub-journey-chart__${bar.kind}` }));
      box.append(el("div", { class: "hub-journey-chart__bar" }, svg, el("span", {}, `${bar.name}: ${bar.text}`)));
    }
    chart.append(box);
  }
  chart.append(el("figcaption", {}, title));
  return chart;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}
