import type { Strings } from "./strings.ts";

/**
 * Every text of the web app in French, the default language. `en.ts` has the same keys (the
 * compiler checks it, and `resources.test.ts` checks the placeholders). Texts that come from the
 * API (scheme names, reasons, hints, amounts' bases) are already translated by the server.
 */
export const fr = {
  app: {
    name: "Envol",
    tagline: "Les aides à la mobilité internationale de Télécom Paris",
    skipLink: "Aller au contenu",
    navLabel: "Navigation principale",
    nav: {
      simulator: "Simulateur",
      student: "Mon espace",
      staff: "Espace de la DRI",
    },
    language: {
      label: "Langue",
      fr: "Français",
      en: "English",
    },
    footer:
      "Envol estime vos aides à partir des règles publiées par chaque financeur ; seule la Direction des relations internationales décide.",
    loading: "Chargement…",
    notFound: {
      title: "Page introuvable",
      body: "Cette adresse ne correspond à aucune page d'Envol.",
      back: "Revenir au simulateur",
    },
    error: {
      title: "Quelque chose s'est mal passé",
      body: "La page n'a pas pu s'afficher. Rechargez-la ; si le problème persiste, écrivez à la DRI.",
    },
  },
  simulator: {
    documentTitle: "Simulateur des aides à la mobilité",
    title: "Quelles aides pour votre séjour à l'étranger ?",
    intro:
      "Décrivez votre séjour, puis votre situation si vous le souhaitez : les résultats se mettent à jour à chaque réponse. Seules la destination et les dates sont obligatoires ; les autres réponses précisent les montants.",
    stepsLabel: "Étapes de la simulation",
    stepOf: "Étape {{step}} sur {{total}}",
    steps: {
      mobility: "Votre séjour",
      situation: "Votre situation",
    },
    next: "Continuer vers votre situation",
    previous: "Revenir à votre séjour",
    seeResults: "Voir les résultats",
    sections: {
      destination: "Où ?",
      dates: "Quand ?",
      kind: "Quel séjour ?",
      studies: "Vos études",
      resources: "Vos ressources",
      opportunities: "Moins d'opportunités",
      history: "Vos mobilités passées",
      travel: "Voyage et frais",
    },
    answer: {
      yes: "Oui",
      no: "Non",
      unknown: "Je ne sais pas",
    },
    showSuggestions: "Afficher les suggestions",
  },
  fields: {
    participant: {
      label: "Qui part ?",
      description: "Étudiants et personnel ont chacun leurs aides.",
      student: "Étudiant·e",
      personnel: "Personnel",
    },
    destination: {
      label: "Votre établissement d'accueil",
      description:
        "Un partenaire de l'école ouvre les aides liées aux accords (Erasmus+, FITEC) ; sinon, indiquez le pays et la ville.",
      partner: "Un partenaire de l'école",
      typed: "Une autre destination",
    },
    partner: {
      label: "Établissement partenaire",
      description: "Cherchez par nom, ville ou pays.",
      empty: "Aucun partenaire ne correspond à cette recherche.",
      loading: "Chargement des partenaires…",
      failed:
        "La liste des partenaires n'a pas pu être chargée : indiquez plutôt le pays et la ville.",
    },
    hostName: {
      label: "Établissement ou entreprise d'accueil",
      description: "Son nom, tel qu'il figurera sur votre candidature.",
    },
    country: {
      label: "Pays",
      description: "Le pays où vous séjournerez ; cherchez par son nom.",
      empty: "Aucun pays ne correspond à cette recherche.",
    },
    city: {
      label: "Ville",
      description:
        "Cherchez-la par son nom : la choisir dans la liste donne ses coordonnées, et la distance du voyage.",
      needsCountry: "Choisissez d'abord le pays, puis cherchez la ville par son nom.",
      empty:
        "Aucune ville connue ne correspond ; vous pouvez garder ce nom et indiquer ses coordonnées.",
      failed:
        "La recherche de villes ne répond pas ; vous pouvez indiquer les coordonnées vous-même.",
    },
    coordinates: {
      label: "Coordonnées de la ville",
      description:
        "Remplies quand vous choisissez la ville dans la liste. Elles donnent la distance du voyage, dont dépendent certaines aides au transport.",
    },
    lat: {
      label: "Latitude",
      description: "Entre −90 et 90.",
    },
    lon: {
      label: "Longitude",
      description: "Entre −180 et 180.",
    },
    start: {
      label: "Premier jour du séjour",
      description: "Tel qu'il figure dans votre accord ou votre convention.",
    },
    end: {
      label: "Dernier jour du séjour",
      description: "La durée financée se compte en mois de 30 jours.",
    },
    kind: {
      label: "Études ou stage ?",
      description: "Certaines aides ne financent que les séjours d'études.",
      study: "Séjour d'études",
      internship: "Stage",
    },
    framework: {
      label: "Cadre du séjour",
      description: "L'accord sous lequel vous partez ; un free mover part hors accord.",
      options: {
        "inter-institution-agreement": "Accord entre établissements",
        "internship-agreement": "Convention de stage",
        "free-mover": "Free mover (hors accord)",
      },
    },
    level: {
      label: "Niveau d'études",
      description: "Le diplôme que vous préparez pendant le séjour.",
      options: {
        bachelor: "Licence / bachelor",
        master: "Master",
        engineering: "Cycle ingénieur",
        doctorate: "Doctorat",
      },
    },
    year: {
      label: "Année dans ce cursus",
      description: "1 pour la première année ; de 1 à 8.",
    },
    mode: {
      label: "Régime d'études",
      description: "Les apprentis et la formation continue relèvent d'autres financements.",
      options: {
        initial: "Formation initiale",
        apprenticeship: "Apprentissage",
        continuing: "Formation continue",
      },
    },
    gapYear: {
      label: "Partez-vous pendant une année de césure ?",
      description: "La bourse d'Île-de-France exclut les séjours pendant une césure.",
    },
    region: {
      label: "Région de résidence",
      description: "La région de votre domicile en France, quand une aide l'exige.",
      empty: "Aucune région ne correspond à cette recherche.",
    },
    boursier: {
      label: "Êtes-vous boursier ou boursière du CROUS ?",
      description: "Une bourse sur critères sociaux ouvre certaines aides et des compléments.",
    },
    echelon: {
      label: "Échelon de votre bourse CROUS",
      description:
        "Il figure sur votre notification de bourse ; les échelons 6 et 7 ouvrent un complément Erasmus+.",
      option: "Échelon {{echelon}}",
    },
    qf: {
      label: "Quotient familial du foyer, en euros",
      description:
        "Revenu fiscal de référence divisé par le nombre de parts, sur le dernier avis d'imposition.",
    },
    nonTaxable: {
      label: "Votre foyer est-il non imposable ?",
      description: "Indiqué sur le même avis d'imposition.",
    },
    disability: {
      label: "Avez-vous un handicap ou une maladie de longue durée ?",
      description:
        "L'un des critères « moins d'opportunités », qui ouvrent un complément mensuel Erasmus+.",
    },
    qpv: {
      label: "Habitez-vous un quartier prioritaire de la ville (QPV) ?",
      description: "L'un des critères « moins d'opportunités » d'Erasmus+.",
    },
    zrr: {
      label: "Habitez-vous une zone de revitalisation rurale (ZRR) ?",
      description: "L'un des critères « moins d'opportunités » d'Erasmus+.",
    },
    erasmusDays: {
      label: "Jours Erasmus+ déjà effectués dans ce cycle",
      description: "Erasmus+ finance au plus 360 jours par cycle d'études ; 0 si aucun.",
    },
    amiMonths: {
      label: "Mois d'aide à la mobilité internationale (AMI) déjà perçus",
      description: "L'AMI du CROUS est plafonnée sur l'ensemble de vos études ; 0 si aucun.",
    },
    greenTravel: {
      label: "Voyagerez-vous bas carbone (train, car, covoiturage) ?",
      description: "Les aides Erasmus+ versent davantage pour un voyage bas carbone.",
    },
    costs: {
      label: "Frais du séjour, en euros",
      description:
        "L'aide des alumni rembourse des frais réels jusqu'à un plafond ; des devis suffisent.",
    },
    transport: {
      label: "Transport",
      description: "Aller et retour.",
    },
    visa: {
      label: "Visa",
      description: "Frais de visa et de titre de séjour.",
    },
    insurance: {
      label: "Assurance",
      description: "Santé et rapatriement, pour la durée du séjour.",
    },
    installation: {
      label: "Installation",
      description: "Caution, premier loyer, équipement.",
    },
  },
  errors: {
    required: "Cette réponse est nécessaire pour simuler.",
    destination: "Choisissez un partenaire, ou indiquez le pays de destination.",
    date: "Indiquez une date complète (jour, mois, année).",
    endBeforeStart: "Le séjour doit se terminer après son premier jour.",
    number: "Indiquez un nombre.",
    wholeNumber: "Indiquez un nombre entier.",
    notNegative: "Indiquez 0 ou plus.",
    year: "Indiquez une année entre 1 et 8.",
    latitude: "Indiquez une latitude entre −90 et 90.",
    longitude: "Indiquez une longitude entre −180 et 180.",
    tooLong: "Cette réponse est trop longue.",
    dateOutOfRange: "Donnez une date entre 2000 et 2100.",
    invalid: "Cette réponse n'est pas valide.",
  },
  results: {
    title: "Vos aides",
    waiting:
      "Indiquez votre destination et les dates de votre séjour : les aides possibles s'afficheront ici.",
    loading: "Calcul des aides…",
    updating: "Mise à jour…",
    stale:
      "Corrigez la réponse signalée dans le formulaire : ces résultats correspondent à vos réponses précédentes.",
    failed: "La simulation n'a pas pu être calculée.",
    retry: "Réessayer",
    offline: "Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.",
    rejected: "Le serveur a refusé ces réponses :",
    stay: "Séjour du {{start}} au {{end}} : durée financée {{duration}}, année universitaire {{year}}.",
    distance: "Distance de voyage : {{distance}}.",
    noDistance:
      "Distance de voyage inconnue : choisissez un partenaire, ou la ville dans la liste.",
    announce:
      "Résultats mis à jour : meilleure combinaison {{total}}, aides possibles : {{eligible}}.",
    plan: {
      title: "La meilleure combinaison",
      total: "{{total}} acquis avec ces réponses",
      none: "Aucune aide n'est ouverte avec ces réponses : les conditions ci-dessous disent pourquoi.",
      upTo: "Jusqu'à {{total}} selon vos réponses aux questions restantes",
      upToAmount: "jusqu'à {{amount}}",
      excluded: "Non retenues dans la combinaison",
      estimate: "Montants estimés, à confirmer par la DRI.",
    },
    apply: "Candidater avec ces réponses",
    applyHint: "Vos réponses seront reprises dans votre candidature.",
    missing: {
      title: "Les questions qui compléteraient le tableau",
      intro: "Répondez-y pour savoir si ces aides vous sont ouvertes :",
      answer: "Répondre :",
      inline: "Pour compléter",
    },
    verdict: {
      eligible: "Éligible",
      ineligible: "Non éligible",
      incomplete: "Réponses manquantes",
    },
    amount: "Montant estimé",
    upTo: "Jusqu'à {{amount}} selon vos réponses aux questions restantes.",
    noAmount: "Pas de montant tant que les conditions ne sont pas remplies.",
    confidence: {
      official: "Montant calculé sur les barèmes officiels.",
      secondary: "Montant calculé sur des barèmes publiés, à vérifier auprès de la DRI.",
      assumed: "Estimation, à confirmer par la DRI.",
    },
    lines: "Détail du montant",
    notes: "À savoir",
    criteria: {
      title: "Conditions",
      met: "Conditions remplies ({{n}})",
      status: {
        met: "Remplie",
        unmet: "Non remplie",
        unknown: "À préciser",
      },
    },
    documents: "Pièces à fournir ({{n}})",
  },
} as const;

/** The shape every language's texts have: the French keys, any strings. */
export type Messages = Strings<typeof fr>;
