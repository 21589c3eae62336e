/**
 * What a refused sign-in means for the person signing in: the key of its sentence under
 * `signIn.errors` (auth namespace), from the API's status (`POST /api/auth/sign-in`).
 */
export type SignInError = "wrong" | "tooMany" | "invalid" | "offline" | "failed";

export const signInError = (status: number | "offline"): SignInError => {
  if (status === "offline") return "offline";
  if (status === 401) return "wrong";
  if (status === 429) return "tooMany";
  if (status === 422) return "invalid";
  return "failed";
};

/** The form's field a validation error of the API names (`errors[].path`), if it is one of them. */
export const signInField = (path: string): "email" | "password" | undefined =>
  path === "email" || path === "password" ? path : undefined;
