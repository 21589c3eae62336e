import type { Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { SIGNED_IN } from "../auth/session.ts";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import { getAgreement } from "./student-api.ts";
import { useStudentTranslation } from "./student-texts.ts";

/**
 * The grant agreement a student is about to sign, as the API writes it in their language: the
 * grant, the advance and the balance's conditions. Signing is confirmed below it.
 */
export const AgreementText = ({
  applicationId,
  requestId,
}: {
  readonly applicationId: string;
  readonly requestId: string;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const envol = useEnvolClient();
  const agreement = useQuery({
    queryKey: [SIGNED_IN, "agreement", requestId, lang],
    queryFn: ({ signal }) => getAgreement(envol, applicationId, requestId, signal),
  });
  if (agreement.isPending) return <p>{t("sign.loading")}</p>;
  if (agreement.isError) return <p role="alert">{t("sign.unavailable")}</p>;
  const [title, ...paragraphs] = agreement.data.text;
  return (
    <div className="agreement">
      <p className="agreement__title">
        <strong>{title}</strong>
      </p>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </div>
  );
};
