import type { Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { SIGNED_IN } from "../auth/session.ts";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import { nextStepText } from "./next-step-text.ts";
import { getNextSteps, type NextStep } from "./student-api.ts";
import { useStudentTranslation } from "./student-texts.ts";

/**
 * "Next steps" on the student's home page: what is due and when, across their applications —
 * the documents still missing (before departure, after return), the office's requests, the
 * agreements to sign, the payments to come and what to pay back of a grant that ended (the API
 * says which, in the reader's language), dated by the stay's actual days once recorded.
 */
export const NextSteps = () => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const envol = useEnvolClient();
  const steps = useQuery({
    queryKey: [SIGNED_IN, "next-steps", lang],
    queryFn: ({ signal }) => getNextSteps(envol, signal),
  });
  if (steps.isPending || steps.isError || steps.data.items.length === 0) return null;
  return (
    <section className="panel next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">{t("next.title")}</h2>
      <ul className="next-steps__list">
        {steps.data.items.map((step) => (
          <li key={`${step.kind}-${stepKey(step)}`}>
            <Link to="/student/applications/$id" params={{ id: step.applicationId }}>
              {nextStepText(step, lang, t)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
};

const stepKey = (step: NextStep) =>
  step.kind === "payment"
    ? `${step.requestId}-${step.instalment}`
    : step.kind === "call-deadline"
      ? `${step.requestId}-${step.deadline}`
      : step.kind === "sign-agreement" || step.kind === "pay-back"
        ? step.requestId
        : `${step.applicationId}-${step.id}`;
