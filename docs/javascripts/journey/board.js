/* The report for the board: what this browser keeps from the calculator, the three analyses
 * and the action plan, gathered for one printed page. Each part is read by its own module
 * (compare/logic.js, the analyses' readState, plan/logic.js); this one decides what each
 * section shows. Pure functions, no DOM. */
import { applyView, levelResults, readFields, summarise } from "../compare/logic.js";
import { counts, describe, stage, summaryRows } from "../plan/logic.js";

// The report's sections in the order they print: the page that fills each, relative to the
// report (strategy/data/board-report/), what the visitor does there, and how its figures are
// worked out, in a sentence a board reader needs beside them (the page's #how has it in full).
const KEEP_RESULTS = 'Load your file there and tick "Keep these results in this browser".';
export const SECTIONS = [
  {
    id: "workforce",
    title: "Your workforce",
    page: "Compare your workforce",
    href: "../compare/",
    fill: 'Type your counts there and tick "Keep these numbers in this browser".',
    method:
      "Shares are of the people whose background is known, to a whole per cent, beside the UK " +
      "workforce as revised by the Social Mobility Commission in May 2021.",
  },
  {
    id: "change",
    title: "Change over time",
    page: "Change over time",
    href: "../change/",
    fill: KEEP_RESULTS,
    method:
      'A change is marked "too small to read" when a standard test for the difference between ' +
      "two proportions, at the usual 5% level, says chance alone could explain it.",
  },
  {
    id: "funnel",
    title: "Your hiring funnel",
    page: "Your hiring funnel",
    href: "../funnel/",
    fill: KEEP_RESULTS,
    method:
      "A relative pass rate under 0.80 is flagged as worth a closer look. The 0.80 line is the " +
      '"four-fifths" rule of thumb from US guidance on selecting staff: it is not UK law, and ' +
      "not proof of unfair treatment.",
  },
  {
    id: "pay",
    title: "Your class pay gap",
    page: "Your class pay gap",
    href: "../pay-gap/",
    fill: KEEP_RESULTS,
    method:
      "A gap is how much less a background is paid than the professional background, as a " +
      "percentage of professional-background pay. The quartiles follow the gender pay gap " +
      "method (regulation 13 of the 2017 regulations).",
  },
  {
    id: "plan",
    title: "Your action plan",
    page: "Your action plan",
    href: "../../../plan/",
    fill: "Tick the actions you have done there: that page keeps your progress in this browser.",
    method:
      "Each action counts once, wherever the guidance lists it. From the first tick, an " +
      "organisation is starting out until every starting-out action is done.",
  },
];

/** The calculator's kept state ({fields, levels}, from its readState) as `view` shows it:
 * {summary, levels, hiddenAny}; {empty: true} when no count was typed and no levels loaded;
 * or {problem} when a kept count is one the calculator would not accept. */
export function workforceReport(config, state, view) {
  const { counts: answers, headcount, errors } = readFields(config, state.fields);
  if (errors.length) {
    return { problem: "A count kept by the calculator cannot be read, so this section is not shown. Open the calculator to fix it." };
  }
  const summary = summarise(config, answers, headcount);
  if (summary.answered === 0 && state.levels.length === 0) return { empty: true };
  return applyView(config, summary, levelResults(config, state.levels), view);
}

/** The plan's progress from its kept state and the actions file: {rows (one per part of the
 * strategy), overall: {stage, text}}; {empty: true} when nothing is ticked or noted. */
export function planReport(data, state) {
  if (!Object.keys(state.done).length && !Object.keys(state.notes).length) return { empty: true };
  const tally = counts(data.actions, state);
  return { rows: summaryRows(data, state), overall: { stage: stage(tally), text: describe(tally) } };
}
