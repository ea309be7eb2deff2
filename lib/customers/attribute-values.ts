import { calendarDaySchema } from "@/lib/time";
import type { AttributeType, AttributeValue } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { parseMoney } from "@/lib/attributes/money";

type Definition = { key: string; type: AttributeType; options: string[]; label: string };

const isoDate = calendarDaySchema();

/**
 * Checks attribute values against their definitions (CUST-3): a number is an integer, an
 * amount of money is read as people write it ("1 343,67 $"), a date a real calendar date, a collection a list of allowed values. Empty removes it.
 */
export function validateAttributeValues(input: Record<string, unknown>, definitions: Definition[]) {
  const values: Record<string, AttributeValue> = {};
  const errors: Record<string, string> = {};
  for (const [key, raw] of Object.entries(input)) {
    const definition = definitions.find((d) => d.key === key);
    if (!definition) {
      errors[key] = "customers.attributeUnknown";
      continue;
    }
    const empty = raw === null || raw === undefined || raw === "" || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      values[key] = null;
      continue;
    }
    if (definition.type === "number") {
      const number = typeof raw === "number" ? raw : Number(String(raw).replace(/\s/g, "").replace(",", "."));
      if (!Number.isInteger(number)) errors[key] = "customers.attributeNumber";
      else values[key] = number;
    } else if (definition.type === "money") {
      const amount = parseMoney(raw);
      if (amount === undefined) errors[key] = "customers.attributeMoney";
      else values[key] = amount;
    } else if (definition.type === "date") {
      if (!isoDate.safeParse(raw).success) errors[key] = "customers.attributeDate";
      else values[key] = String(raw);
    } else if (definition.type === "collection") {
      const list = (Array.isArray(raw) ? raw : String(raw).split(",")).map((v) => String(v).trim()).filter(Boolean);
      const unknown = definition.options.length ? list.filter((v) => !definition.options.includes(v)) : [];
      if (unknown.length) errors[key] = "customers.attributeCollection";
      else values[key] = list;
    } else {
      const text = String(raw).trim();
      if (text.length > 500) errors[key] = "customers.attributeTooLong";
      else values[key] = text;
    }
  }
  return { values, errors };
}

/** The checked values, or a SafeError naming the first attribute that is wrong. */
export function checkAttributeValues(input: Record<string, unknown>, definitions: Definition[]) {
  const { values, errors } = validateAttributeValues(input, definitions);
  const [first] = Object.entries(errors);
  if (first) throw new SafeError(first[1], { attribute: definitions.find((d) => d.key === first[0])?.label ?? first[0] });
  return values;
}
