import type { AuthMessages } from "./auth-messages.ts";

/** The texts of signing in and out, in English: the same keys as `auth.fr.ts`. */
export const authEn: AuthMessages = {
  signIn: {
    title: "Sign in",
    intro: "Sign in with the email address and password of your Envol account.",
    email: {
      label: "Email address",
      description: "Your account's, for example firstname.lastname@telecom-paris.fr.",
      required: "Enter your email address.",
      invalid: "Enter a full email address, like firstname.lastname@example.com.",
    },
    password: {
      label: "Password",
      required: "Enter your password.",
      tooLong: "This password is too long.",
    },
    submit: "Sign in",
    pending: "Signing in…",
    errors: {
      wrong: "Wrong email address or password.",
      tooMany: "Too many attempts: wait 15 minutes before trying again.",
      invalid: "The server refused these details: check the fields marked.",
      offline: "The server does not answer. Check your connection, then try again.",
      failed: "Signing in did not work. Try again in a moment.",
    },
  },
  gate: {
    wrongRole: {
      student:
        "This area is for students and members of staff who apply; you are signed in with an international office account ({{email}}).",
      staff:
        "This area is for the international relations office; your account ({{email}}) is an applicant's.",
    },
    switchAccount: "Sign out to use another account.",
  },
  session: {
    signedInAs: "Signed in as {{name}}",
    signOut: "Sign out",
    signingOut: "Signing out…",
    signOutFailed: "Signing out did not work. Try again.",
    checking: "Checking your session…",
    unavailable: "Your session could not be checked. Check your connection, then try again.",
    retry: "Try again",
  },
};
