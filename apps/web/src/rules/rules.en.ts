import type { RulesMessages } from "./rules-messages.ts";

/** The rule pages' texts in English: the same keys as `rules.fr.ts`. */
export const rulesEn: RulesMessages = {
  index: {
    title: "How the grants are calculated",
    intro:
      "Envol publishes the rules it applies: for each grant, its conditions, the amounts in force with their date and source, those of earlier periods, and worked examples.",
    groups: {
      student: "For students",
      personnel: "For staff",
    },
    rules: "Rules of {{name}}",
  },
  about:
    "Envol publishes the rules it applies to each grant: its conditions, the amounts in force with their date, source and confidence, those of earlier periods, and worked examples computed again each time they are read.",
  back: "All grants",
  funder: "Funded by {{funder}}.",
  official: "The grant's official page",
  exclusive: "Cannot be combined with: {{names}}.",
  criteria: {
    title: "The conditions",
    intro: "The conditions in force on {{today}}, all to be met:",
  },
  figures: {
    title: "The amounts and thresholds in force",
    intro: "Rules in force since {{since}} (on {{today}}).",
    caption: "Figures in force on {{today}}",
    name: "Figure",
    value: "Value",
    sourceDate: "Source date",
    source: "Source",
    confidence: "Confidence",
  },
  confidence: {
    title: "What the confidence levels mean",
    official: "Official",
    secondary: "Published",
    assumed: "Estimated",
    officialMeans: "taken from the funder's own text.",
    secondaryMeans: "taken from another school or a published guide, to check with the office.",
    assumedMeans: "the school's assumption, which the office must confirm.",
  },
  periods: {
    earlier: "Earlier periods",
    later: "Coming periods",
    range: "From {{since}} to {{until}}",
    from: "From {{since}}",
  },
  examples: {
    title: "Worked examples",
    intro:
      "Each example is calculated by the simulator on the rules of the period its stay starts in: the result below is not copied, it is computed again each time it is read.",
    none: "No example for this grant yet.",
    stay: "Stay from {{start}} to {{end}}: funded duration {{duration}}, academic year {{year}}.",
    distance: "Travel distance: {{distance}}.",
    amount: "Amount of this grant alone",
    lines: "How the amount is made up",
    inPlan: "In the best combination: {{amount}}.",
    notInPlan: "Not part of the best combination, whose total is {{total}}.",
    planTotal: "Total of the best combination: {{total}}.",
    why: "Why",
    situation: "This example's answers",
    simulate: "Open this example in the simulator",
  },
  verdict: { eligible: "Eligible", ineligible: "Not eligible", incomplete: "Needs answers" },
  status: { met: "Met", unmet: "Not met", unknown: "To be answered" },
  loading: "Loading…",
  notFound: "There is no such grant.",
  notFoundTitle: "Grant not found",
  failed: "The rules could not be loaded.",
  offline: "The server does not answer. Check your connection, then try again.",
  retry: "Try again",
};
