"use client";

import { Mail, Pencil, Phone } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateCustomer } from "@/lib/customers/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";
import type { AttributeValues } from "@/lib/attributes/types";
import { contactAttributeText } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";
import { AttributeField, type AttributeDefinition } from "@/components/customers/attribute-field";

export type ContactDetails = {
  id: string;
  firstName: string;
  lastName: string;
  mobile: string | null;
  email: string | null;
  language: "fr" | "en";
  attributes: AttributeValues;
};

/** CUST-3: contact details and attribute values, read at a glance and edited in place. */
export function ContactCard({ customer, definitions, currency = "CAD" }: { customer: ContactDetails; definitions: AttributeDefinition[]; currency?: string }) {
  const t = useTranslations("customers");
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [merged, setMerged] = useState(false);
  const [attributes, setAttributes] = useState<AttributeValues>(customer.attributes);
  const { run, pending, error, fieldError, reset } = useAction();

  const startEditing = () => {
    setAttributes(customer.attributes);
    setMerged(false);
    reset();
    setEditing(true);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const changedAttributes = Object.fromEntries(Object.entries(attributes).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(customer.attributes[key] ?? "")));
    run(
      () => updateCustomer({ customerId: customer.id, ...form, attributes: changedAttributes }),
      (data) => {
        setMerged(data.merged);
        setEditing(false);
        router.refresh();
      },
    );
  };

  // A typed-attribute error names the attribute; show it on that field.
  const attributeError = (definition: AttributeDefinition) => (error && error.includes(definition.label) ? error : undefined);

  return (
    <Card>
      <CardHeader
        title={t("contact")}
        action={
          editing ? null : (
            <Button variant="ghost" size="sm" onClick={startEditing} data-testid="edit-customer">
              <Pencil className="h-4 w-4" aria-hidden />
              {t("edit")}
            </Button>
          )
        }
      />
      <CardBody>
        {merged ? (
          <Alert tone="success" className="mb-4">
            {t("mergedNotice")}
          </Alert>
        ) : null}
        {editing ? (
          <form onSubmit={submit} className="grid gap-4" data-testid="customer-form">
            {error && !definitions.some((d) => attributeError(d)) ? <Alert tone="error">{error}</Alert> : null}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("fields.firstName")} htmlFor="firstName" error={fieldError("firstName")}>
                <Input id="firstName" name="firstName" defaultValue={customer.firstName} autoFocus />
              </Field>
              <Field label={t("fields.lastName")} htmlFor="lastName" error={fieldError("lastName")}>
                <Input id="lastName" name="lastName" defaultValue={customer.lastName} />
              </Field>
            </div>
            <Field label={t("fields.mobile")} htmlFor="mobile" error={fieldError("mobile")} hint={t("mobileHint")}>
              <Input id="mobile" name="mobile" type="tel" inputMode="tel" defaultValue={customer.mobile ? formatPhone(customer.mobile) : ""} />
            </Field>
            <Field label={t("fields.email")} htmlFor="email" error={fieldError("email")}>
              <Input id="email" name="email" type="email" defaultValue={customer.email ?? ""} />
            </Field>
            <Field label={t("fields.language")} htmlFor="language">
              <Select id="language" name="language" defaultValue={customer.language}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </Select>
            </Field>
            {definitions.map((definition) => (
              <AttributeField
                key={definition.key}
                idPrefix="attribute"
                definition={definition}
                value={attributes[definition.key]}
                error={attributeError(definition)}
                onChange={(value) => setAttributes((current) => ({ ...current, [definition.key]: value }))}
              />
            ))}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setEditing(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" data-testid="save-customer" pending={pending}>
                {t("save")}
              </Button>
            </div>
          </form>
        ) : (
          <dl className="grid grid-cols-[minmax(0,auto)_1fr] gap-x-4 gap-y-2.5 text-sm">
            <dt className="flex items-center gap-1.5 text-slate-500">
              <Phone className="h-4 w-4 text-slate-400" aria-hidden />
              {t("fields.mobile")}
            </dt>
            <dd className="text-slate-900" data-testid="customer-mobile">
              {customer.mobile ? formatPhone(customer.mobile) : <span className="text-slate-400">{t("noMobile")}</span>}
            </dd>
            <dt className="flex items-center gap-1.5 text-slate-500">
              <Mail className="h-4 w-4 text-slate-400" aria-hidden />
              {t("fields.email")}
            </dt>
            <dd className="break-all text-slate-900">{customer.email ?? <span className="text-slate-400">—</span>}</dd>
            <dt className="text-slate-500">{t("fields.language")}</dt>
            <dd className="text-slate-900">{customer.language === "fr" ? "Français" : "English"}</dd>
            {definitions.map((definition) => (
              <div key={definition.key} className="contents">
                <dt className="text-slate-500">{definition.label}</dt>
                <dd className="text-slate-900" data-testid={`attribute-${definition.key}`}>
                  {contactAttributeText(customer.attributes[definition.key], definition.type, format, { currency, locale }) ?? <span className="text-slate-300">—</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
