/* The report for the board: what this browser keeps from the calculator, the three analyses
 * and the action plan, gathered for one printed page. Each part is read by its own module
 * (compare/logic.js, the analyses' readState, plan/logic.js); this one decides what each
 * section shows. Pure functions, no DOM. */
import { applyView, levelResults, readFields, summarise } from "../compare/logic.js";
import { counts, describe, stage, summaryRows } from "../plan/logic.js";

// The report's sections in the order they print: the page that fills each, relative to the
// report (strategy/data/board-report/), and what the visitor does there.
export const SECTIONS = [
  { id: "workforce", title: "Your workforce", page: "Compare your workforce", href: "../compare/", fill: "Type your counts there and tick \"Keep these numbers in this browser\"." },
  { id: "change", title: "Change over time", page: "Change over time", href: "../change/", fill: 'Load your file there and tick "Keep these results in this browser".' },
  { id: "funnel", title: "Your hiring funnel", page: "Your hiring funnel", href: "../funnel/", fill: 'Load your file there and tick "Keep these results in this browser".' },
  { id: "pay", title: "Your class pay gap", page: "Your class pay gap", href: "../pay-gap/", fill: 'Load your file there and tick "Keep these results in this browser".' },
  { id: "plan", title: "Your action plan", page: "Your action plan", href: "../../../plan/", fill: "Tick the actions you have done there: that page keeps your progress in this browser." },
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
