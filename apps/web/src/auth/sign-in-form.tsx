import "./auth.css";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { envol } from "../api/envol-client.ts";
import { useAuthTranslation } from "./auth-texts.ts";
import { type Session, sessionStarted } from "./session.ts";
import { type SignInError, signInError, signInField } from "./sign-in-problem.ts";

/** The fields' rules; each message is the key of its sentence, translated where it is shown. */
const SignInSchema = z.object({
  email: z.string().trim().min(1, "email.required").pipe(z.email("email.invalid")),
  password: z.string().min(1, "password.required").max(1024, "password.tooLong"),
});

type SignInValues = z.input<typeof SignInSchema>;

export interface SignInFormProps {
  /** The id of the heading that names the form (the page's own, e.g. "Sign in to apply"). */
  readonly labelledBy?: string;
  /** Called once signed in (the session is already in the cache: `useSession` has it). */
  readonly onSignedIn?: (session: Session) => void;
}

/**
 * Email and password sign-in (`POST /api/auth/sign-in`), for students and staff alike. Each
 * field's error is next to it; a refusal of the server (wrong email or password, too many
 * attempts) is said above the button and announced. On success the session goes into the
 * query cache, so that the page asking for it continues by itself.
 */
export const SignInForm = ({ labelledBy, onSignedIn }: SignInFormProps) => {
  const { t, i18n } = useAuthTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const ids = {
    email: `${id}-email`,
    emailHint: `${id}-email-hint`,
    emailError: `${id}-email-error`,
    password: `${id}-password`,
    passwordError: `${id}-password-error`,
    problem: `${id}-problem`,
  };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({
    resolver: zodResolver(SignInSchema),
    defaultValues: { email: "", password: "" },
  });
  const problem = errors.root?.server?.type as SignInError | undefined;

  const onSubmit = handleSubmit(async (values) => {
    let res: Awaited<ReturnType<(typeof envol.auth)["sign-in"]["$post"]>>;
    try {
      res = await envol.auth["sign-in"].$post(
        { json: { email: values.email.trim(), password: values.password } },
        { headers: { "Accept-Language": i18n.language } },
      );
    } catch {
      setError("root.server", { type: signInError("offline") });
      return;
    }
    if (res.status === 200) {
      const session = await res.json();
      sessionStarted(queryClient, session);
      onSignedIn?.(session);
      return;
    }
    if (res.status === 422) {
      const body = await res.json();
      for (const e of body.errors ?? []) {
        const field = signInField(e.path);
        if (field) setError(field, { type: "server", message: `${field}.invalid` });
      }
    }
    setError("root.server", { type: signInError(res.status) });
  });

  const fieldError = (message: string | undefined) =>
    message === undefined ? undefined : t(`signIn.${message}` as "signIn.email.invalid");

  return (
    <form
      className="sign-in"
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(e) => {
        // one sign-in at a time; the button stays focusable while it runs
        if (isSubmitting) e.preventDefault();
        else void onSubmit(e);
      }}
    >
      <div className="field" data-invalid={errors.email ? true : undefined}>
        <label className="field__label" htmlFor={ids.email}>
          {t("signIn.email.label")}
        </label>
        <p id={ids.emailHint} className="field__description">
          {t("signIn.email.description")}
        </p>
        <input
          id={ids.email}
          className="field__input"
          type="email"
          autoComplete="username"
          spellCheck={false}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${ids.emailHint} ${ids.emailError}` : ids.emailHint}
          {...register("email")}
        />
        {errors.email && (
          <p id={ids.emailError} className="field__error">
            {fieldError(errors.email.message)}
          </p>
        )}
      </div>
      <div className="field" data-invalid={errors.password ? true : undefined}>
        <label className="field__label" htmlFor={ids.password}>
          {t("signIn.password.label")}
        </label>
        <input
          id={ids.password}
          className="field__input"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? ids.passwordError : undefined}
          {...register("password")}
        />
        {errors.password && (
          <p id={ids.passwordError} className="field__error">
            {fieldError(errors.password.message)}
          </p>
        )}
      </div>
      <div id={ids.problem} role="alert" className="sign-in__problem">
        {problem && <p className="notice notice--error">{t(`signIn.errors.${problem}`)}</p>}
      </div>
      <button
        type="submit"
        className="button button--primary"
        aria-disabled={isSubmitting ? true : undefined}
      >
        {isSubmitting ? t("signIn.pending") : t("signIn.submit")}
      </button>
    </form>
  );
};
