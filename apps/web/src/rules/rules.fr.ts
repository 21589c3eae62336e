/**
 * The rule pages' texts in French: their own i18next namespace (`rules`), loaded with their
 * chunk. `rules.en.ts` has the same keys (checked by the compiler). Scheme names, criteria,
 * figures, reasons and bases come from the API, already in the page's language.
 */
export const rulesFr = {
  index: {
    title: "Les règles de calcul des aides",
    intro:
      "Envol publie les règles qu'il applique : pour chaque aide, ses conditions, les montants en vigueur avec leur date et leur source, ceux des périodes précédentes, et des exemples calculés.",
    groups: {
      student: "Pour les étudiants",
      personnel: "Pour les personnels",
    },
    rules: "Règles de {{name}}",
  },
  about:
    "Envol publie les règles qu'il applique à chaque aide : ses conditions, les montants en vigueur avec leur date, leur source et leur fiabilité, ceux des périodes précédentes, et des exemples recalculés à chaque lecture.",
  back: "Toutes les aides",
  funder: "Financeur : {{funder}}.",
  official: "Page officielle de l'aide",
  exclusive: "Non cumulable avec : {{names}}.",
  criteria: {
    title: "Les conditions",
    intro: "Les conditions en vigueur au {{today}}, toutes à remplir :",
  },
  figures: {
    title: "Les montants et seuils en vigueur",
    intro: "Règles en vigueur depuis le {{since}} (au {{today}}).",
    caption: "Chiffres en vigueur au {{today}}",
    name: "Chiffre",
    value: "Valeur",
    sourceDate: "Date de la source",
    source: "Source",
    confidence: "Fiabilité",
  },
  confidence: {
    title: "Ce que disent les niveaux de fiabilité",
    official: "Officiel",
    secondary: "Publié",
    assumed: "Estimé",
    officialMeans: "tiré du texte du financeur lui-même.",
    secondaryMeans: "tiré d'une autre école ou d'un guide publié, à vérifier auprès de la DRI.",
    assumedMeans: "hypothèse de l'école, que la DRI doit confirmer.",
  },
  periods: {
    earlier: "Les périodes précédentes",
    later: "Les périodes à venir",
    range: "Du {{since}} au {{until}}",
    from: "À partir du {{since}}",
  },
  examples: {
    title: "Exemples calculés",
    intro:
      "Chaque exemple est calculé par le simulateur sur les règles de la période où commence son séjour : le résultat ci-dessous n'est pas recopié, il est recalculé à chaque lecture.",
    none: "Pas encore d'exemple pour cette aide.",
    stay: "Séjour du {{start}} au {{end}} : durée financée {{duration}}, année universitaire {{year}}.",
    distance: "Distance de voyage : {{distance}}.",
    amount: "Montant de l'aide seule",
    lines: "Détail du montant",
    inPlan: "Dans la meilleure combinaison : {{amount}}.",
    notInPlan: "Pas retenue dans la meilleure combinaison, dont le total est de {{total}}.",
    planTotal: "Total de la meilleure combinaison : {{total}}.",
    why: "Pourquoi",
    situation: "Les réponses de cet exemple",
    simulate: "Ouvrir cet exemple dans le simulateur",
  },
  verdict: { eligible: "Éligible", ineligible: "Non éligible", incomplete: "Réponses manquantes" },
  status: { met: "Remplie", unmet: "Non remplie", unknown: "À préciser" },
  loading: "Chargement…",
  notFound: "Cette aide n'existe pas.",
  notFoundTitle: "Aide introuvable",
  failed: "Les règles n'ont pas pu être chargées.",
  offline: "Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.",
  retry: "Réessayer",
} as const;
