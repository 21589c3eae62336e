/**
 * The texts of signing in and out, in French: a namespace of their own (`auth`), loaded with
 * the areas that need a session (the student area, the staff back office), never with the
 * simulator's first screen. `auth.en.ts` has the same keys.
 */
export const authFr = {
  signIn: {
    title: "Connexion",
    intro: "Connectez-vous avec l'adresse et le mot de passe de votre compte Envol.",
    email: {
      label: "Adresse électronique",
      description: "Celle de votre compte, par exemple prenom.nom@telecom-paris.fr.",
      required: "Indiquez votre adresse électronique.",
      invalid: "Indiquez une adresse électronique complète, comme prenom.nom@exemple.fr.",
    },
    password: {
      label: "Mot de passe",
      required: "Indiquez votre mot de passe.",
      tooLong: "Ce mot de passe est trop long.",
    },
    submit: "Se connecter",
    pending: "Connexion…",
    errors: {
      wrong: "Adresse électronique ou mot de passe incorrect.",
      tooMany: "Trop de tentatives : attendez 15 minutes avant de réessayer.",
      invalid: "Le serveur a refusé ces informations : vérifiez les champs signalés.",
      offline: "Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.",
      failed: "La connexion n'a pas abouti. Réessayez dans un instant.",
    },
  },
  gate: {
    wrongRole: {
      student:
        "Cet espace est réservé aux étudiants et aux membres du personnel qui candidatent ; vous êtes connecté avec un compte de la DRI ({{email}}).",
      staff:
        "Cet espace est réservé à la Direction des relations internationales ; votre compte ({{email}}) est celui d'un candidat ou d'une candidate.",
    },
    switchAccount: "Déconnectez-vous pour changer de compte.",
  },
  session: {
    signedInAs: "Session de {{name}}",
    signOut: "Se déconnecter",
    signingOut: "Déconnexion…",
    signOutFailed: "La déconnexion n'a pas abouti. Réessayez.",
    checking: "Vérification de votre session…",
    unavailable:
      "Votre session n'a pas pu être vérifiée. Vérifiez votre connexion, puis réessayez.",
    retry: "Réessayer",
  },
} as const;
