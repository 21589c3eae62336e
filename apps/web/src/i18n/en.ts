import type { Messages } from "./fr.ts";

/** Every text of the web app in English: the same keys as `fr.ts`. */
export const en: Messages = {
  app: {
    name: "Envol",
    tagline: "Télécom Paris's funding for stays abroad",
    skipLink: "Skip to content",
    navLabel: "Main navigation",
    nav: {
      simulator: "Simulator",
      student: "My area",
      staff: "International office",
    },
    language: {
      label: "Language",
      fr: "Français",
      en: "English",
    },
    footer:
      "Envol estimates your grants from the rules each funder publishes; only the international relations office decides.",
    loading: "Loading…",
    notFound: {
      title: "Page not found",
      body: "This address matches no page of Envol.",
      back: "Back to the simulator",
    },
    error: {
      title: "Something went wrong",
      body: "The page could not be shown. Reload it; if the problem persists, write to the international office.",
    },
  },
  simulator: {
    documentTitle: "Funding simulator for stays abroad",
    title: "Which grants for your stay abroad?",
    intro:
      "Describe your stay, then your situation if you wish: the results update with every answer. Only the destination and the dates are required; the other answers refine the amounts.",
    stepsLabel: "Simulation steps",
    stepOf: "Step {{step}} of {{total}}",
    steps: {
      mobility: "Your stay",
      situation: "Your situation",
    },
    next: "Continue to your situation",
    previous: "Back to your stay",
    seeResults: "See the results",
    sections: {
      destination: "Where?",
      dates: "When?",
      kind: "What kind of stay?",
      studies: "Your studies",
      resources: "Your resources",
      opportunities: "Fewer opportunities",
      history: "Your past stays abroad",
      travel: "Travel and costs",
    },
    answer: {
      yes: "Yes",
      no: "No",
      unknown: "I don't know",
    },
    showSuggestions: "Show suggestions",
  },
  fields: {
    participant: {
      label: "Who is going?",
      description: "Students and staff have their own grants.",
      student: "Student",
      personnel: "Staff",
    },
    destination: {
      label: "Your host institution",
      description:
        "A partner of the school opens the grants tied to agreements (Erasmus+, FITEC); otherwise give the country and the city.",
      partner: "A partner of the school",
      typed: "Another destination",
    },
    partner: {
      label: "Partner institution",
      description: "Search by name, city or country.",
      empty: "No partner matches this search.",
      loading: "Loading the partners…",
      failed: "The list of partners could not be loaded: give the country and the city instead.",
    },
    hostName: {
      label: "Host institution or company",
      description: "Its name, as it will appear on your application.",
    },
    country: {
      label: "Country",
      description: "The country where you will stay; search by its name.",
      empty: "No country matches this search.",
    },
    city: {
      label: "City",
      description:
        "Search it by name: choosing it from the list gives its coordinates, and the travel distance.",
      needsCountry: "Choose the country first, then search the city by name.",
      empty: "No known city matches; you may keep this name and give its coordinates.",
      failed: "The city search does not answer; you may give the coordinates yourself.",
    },
    coordinates: {
      label: "The city's coordinates",
      description:
        "Filled in when you choose the city from the list. They give the travel distance, on which some travel grants depend.",
    },
    lat: {
      label: "Latitude",
      description: "Between −90 and 90.",
    },
    lon: {
      label: "Longitude",
      description: "Between −180 and 180.",
    },
    start: {
      label: "First day of the stay",
      description: "As written in your agreement.",
    },
    end: {
      label: "Last day of the stay",
      description: "The funded duration is counted in 30-day months.",
    },
    kind: {
      label: "Study or internship?",
      description: "Some grants fund study periods only.",
      study: "Study period",
      internship: "Internship",
    },
    framework: {
      label: "Framework of the stay",
      description: "The agreement you go under; a free mover goes without one.",
      options: {
        "inter-institution-agreement": "Inter-institution agreement",
        "internship-agreement": "Internship agreement",
        "free-mover": "Free mover (no agreement)",
      },
    },
    level: {
      label: "Programme level",
      description: "The degree you are studying for during the stay.",
      options: {
        bachelor: "Bachelor",
        master: "Master",
        engineering: "Engineering degree",
        doctorate: "Doctorate",
      },
    },
    year: {
      label: "Year in this programme",
      description: "1 for the first year; from 1 to 8.",
    },
    mode: {
      label: "Study mode",
      description: "Apprentices and continuing education are funded otherwise.",
      options: {
        initial: "Initial education",
        apprenticeship: "Apprenticeship",
        continuing: "Continuing education",
      },
    },
    gapYear: {
      label: "Are you going during a gap year (césure)?",
      description: "The Île-de-France grant excludes stays during a gap year.",
    },
    region: {
      label: "Region of residence",
      description: "The region of your home in France, when a grant requires it.",
      empty: "No region matches this search.",
    },
    boursier: {
      label: "Do you hold a CROUS grant?",
      description: "A means-tested grant opens some schemes and top-ups.",
    },
    echelon: {
      label: "Level (échelon) of your CROUS grant",
      description: "It is on your grant notice; levels 6 and 7 open an Erasmus+ top-up.",
      option: "Level {{echelon}}",
    },
    qf: {
      label: "Household's family quotient, in euros",
      description:
        "Reference taxable income divided by the number of shares, on the latest tax notice.",
    },
    nonTaxable: {
      label: "Is your household non-taxable?",
      description: "Shown on the same tax notice.",
    },
    disability: {
      label: "Do you have a disability or a long-term illness?",
      description:
        "One of the “fewer opportunities” criteria, which open a monthly Erasmus+ top-up.",
    },
    qpv: {
      label: "Do you live in a priority urban area (QPV)?",
      description: "One of Erasmus+'s “fewer opportunities” criteria.",
    },
    zrr: {
      label: "Do you live in a rural revitalisation zone (ZRR)?",
      description: "One of Erasmus+'s “fewer opportunities” criteria.",
    },
    erasmusDays: {
      label: "Erasmus+ days already used in this cycle",
      description: "Erasmus+ funds at most 360 days per study cycle; 0 if none.",
    },
    amiMonths: {
      label: "Months of international mobility aid (AMI) already received",
      description: "The CROUS's AMI is capped over all your studies; 0 if none.",
    },
    greenTravel: {
      label: "Will you travel low-carbon (train, coach, car-sharing)?",
      description: "The Erasmus+ grants pay more for a low-carbon journey.",
    },
    costs: {
      label: "Costs of the stay, in euros",
      description: "The alumni aid pays real costs up to a cap; quotes are enough.",
    },
    transport: {
      label: "Transport",
      description: "Return journey.",
    },
    visa: {
      label: "Visa",
      description: "Visa and residence permit fees.",
    },
    insurance: {
      label: "Insurance",
      description: "Health and repatriation, for the whole stay.",
    },
    installation: {
      label: "Installation",
      description: "Deposit, first rent, equipment.",
    },
  },
  errors: {
    required: "This answer is needed to simulate.",
    destination: "Choose a partner, or give the destination country.",
    date: "Give a complete date (day, month, year).",
    endBeforeStart: "The stay must end after its first day.",
    number: "Give a number.",
    wholeNumber: "Give a whole number.",
    notNegative: "Give 0 or more.",
    year: "Give a year between 1 and 8.",
    latitude: "Give a latitude between −90 and 90.",
    longitude: "Give a longitude between −180 and 180.",
    tooLong: "This answer is too long.",
    dateOutOfRange: "Give a date between 2000 and 2100.",
    invalid: "This answer is not valid.",
  },
  results: {
    title: "Your grants",
    waiting:
      "Give your destination and the dates of your stay: the grants you may get will show here.",
    loading: "Working out the grants…",
    updating: "Updating…",
    stale: "Correct the answer marked in the form: these results match your previous answers.",
    failed: "The simulation could not be computed.",
    retry: "Try again",
    offline: "The server does not answer. Check your connection, then try again.",
    rejected: "The server refused these answers:",
    stay: "Stay from {{start}} to {{end}}: funded duration {{duration}}, academic year {{year}}.",
    distance: "Travel distance: {{distance}}.",
    noDistance: "Travel distance unknown: choose a partner, or the city from the list.",
    announce: "Results updated: best combination {{total}}, possible grants: {{eligible}}.",
    plan: {
      title: "The best combination",
      total: "{{total}} secured with these answers",
      none: "No grant is open with these answers: the conditions below say why.",
      upTo: "Up to {{total}} depending on your answers to the remaining questions",
      upToAmount: "up to {{amount}}",
      excluded: "Left out of the combination",
      estimate: "Estimated amounts, to be confirmed by the international office.",
    },
    apply: "Apply with these answers",
    applyHint: "Your answers will be carried over into your application.",
    missing: {
      title: "The questions that would complete the picture",
      intro: "Answer them to know whether these grants are open to you:",
      answer: "Answer:",
      inline: "To complete",
    },
    verdict: {
      eligible: "Eligible",
      ineligible: "Not eligible",
      incomplete: "Needs answers",
    },
    amount: "Estimated amount",
    upTo: "Up to {{amount}} depending on your answers to the remaining questions.",
    noAmount: "No amount while the conditions are not met.",
    confidence: {
      official: "Amount computed from the official rates.",
      secondary:
        "Amount computed from published rates, to be checked with the international office.",
      assumed: "Estimate, to be confirmed by the international office.",
    },
    lines: "How the amount is made",
    notes: "Good to know",
    criteria: {
      title: "Conditions",
      met: "Conditions met ({{n}})",
      status: {
        met: "Met",
        unmet: "Not met",
        unknown: "To be answered",
      },
    },
    documents: "Documents to provide ({{n}})",
  },
};
