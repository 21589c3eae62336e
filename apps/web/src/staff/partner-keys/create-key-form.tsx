import "./create-key-form.css";
import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { isProblem } from "../../api/api-problem.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { FormField } from "../form-field.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { type CreatedPartnerKey, createPartnerKey } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/** Each message is the key of its sentence under `keys.errors`. */
const KeySchema = z.object({
  partnerId: z.string().min(1, "partner"),
  label: z.string().trim().min(1, "label").max(200, "labelTooLong"),
});
type KeyValues = z.input<typeof KeySchema>;

/** Issuing a key for a partner school of the catalogue, named so that it can be told apart. */
export const CreateKeyForm = ({
  onCreated,
}: {
  readonly onCreated: (created: CreatedPartnerKey) => void;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  const id = useId();
  const form = useForm<KeyValues>({
    resolver: zodResolver(KeySchema),
    defaultValues: { partnerId: "", label: "" },
  });
  const write = useStaffWrite((api, values: KeyValues) =>
    createPartnerKey(api, { partnerId: values.partnerId, label: values.label.trim() }),
  );
  const errors = form.formState.errors;
  const message = (key: string | undefined) =>
    key === undefined
      ? undefined
      : key.startsWith("api:")
        ? key.slice(4)
        : t(`keys.errors.${key as "label"}`);

  const onSubmit = form.handleSubmit(async (values) => {
    if (write.isPending) return;
    try {
      const created = await write.mutateAsync(values);
      form.reset();
      onCreated(created);
    } catch (e) {
      if (isProblem(e, 422))
        for (const err of e.errors)
          if (err.path === "partnerId" || err.path === "label")
            form.setError(err.path, { type: "server", message: `api:${err.message}` });
    }
  });

  const partners = [...names.partners].sort((a, b) => a.name.localeCompare(b.name, names.lang));
  return (
    <form
      className="staff-panel staff-key-form"
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
      noValidate
    >
      <h2 id={`${id}-title`}>{t("keys.create.title")}</h2>
      <div className="field-row">
        <FormField
          id={`${id}-partner`}
          label={t("keys.create.partner")}
          error={errors.partnerId && message(errors.partnerId.message)}
          control={(props) => (
            <select {...props} {...form.register("partnerId")}>
              <option value="">{t("keys.create.choosePartner")}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          id={`${id}-label`}
          label={t("keys.create.label")}
          hint={t("keys.create.labelHint")}
          error={errors.label && message(errors.label.message)}
          control={(props) => <input {...props} autoComplete="off" {...form.register("label")} />}
        />
      </div>
      <WriteProblem error={isProblem(write.error, 422) ? null : write.error} />
      <div className="staff-form-actions">
        <SubmitButton pending={write.isPending} pendingLabel={t("keys.create.pending")}>
          {t("keys.create.submit")}
        </SubmitButton>
      </div>
    </form>
  );
};
