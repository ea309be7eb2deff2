import type { AttributeCategory, AttributeType, ImportColumn, ImportKind, ImportMapping } from "@/db/schema";
import { parsePhone } from "@/lib/phone";
import { normalizeForSearch } from "@/lib/customers/search-text";

export const IMPORT_KINDS = ["customers", "appointments", "repair_orders"] as const satisfies readonly ImportKind[];
export const BUILT_IN_FIELDS = ["firstName", "lastName", "fullName", "mobile", "email", "externalId", "language"] as const;
export const APPOINTMENT_FIELDS = ["appointmentDate", "appointmentTime", "appointmentDateTime", "appointmentDuration", "appointmentType", "appointmentStatus", "appointmentExternalId"] as const;
export const REPAIR_ORDER_FIELDS = ["repairOrderNumber", "repairOrderTitle", "repairOrderStatus", "repairOrderDate"] as const;
export const ALL_FIELDS = [...BUILT_IN_FIELDS, ...APPOINTMENT_FIELDS, ...REPAIR_ORDER_FIELDS] as const;
export type BuiltInField = (typeof BUILT_IN_FIELDS)[number];
export type ImportField = (typeof ALL_FIELDS)[number];
export type AttributeDefinition = { key: string; label: string; type: AttributeType; options: string[] };
export type CategorizedAttribute = AttributeDefinition & { category: AttributeCategory };

/** Besides the customer's fields, what each kind of row carries, and whose custom attributes. */
export const KIND_FIELDS: Record<ImportKind, readonly ImportField[]> = { customers: [], appointments: APPOINTMENT_FIELDS, repair_orders: REPAIR_ORDER_FIELDS };
export const KIND_CATEGORY: Record<ImportKind, AttributeCategory | null> = { customers: null, appointments: "appointment", repair_orders: "event" };

// Customer attributes keep the "attribute:" prefix of mappings saved before records could be imported.
const PREFIXES: Record<AttributeCategory, string> = { customer: "attribute:", appointment: "appointment:", event: "event:" };

export const attributeField = (key: string, category: AttributeCategory = "customer") => `${PREFIXES[category]}${key}`;
export function attributeOf(field: string): { category: AttributeCategory; key: string } | null {
  const category = (Object.keys(PREFIXES) as AttributeCategory[]).find((candidate) => field.startsWith(PREFIXES[candidate]));
  return category ? { category, key: field.slice(PREFIXES[category].length) } : null;
}

/** Whether a file of this kind can fill the field: the customer's, the kind's own, or their custom attributes. */
export function fieldFitsKind(field: string, kind: ImportKind): boolean {
  const attribute = attributeOf(field);
  if (attribute) return attribute.category === "customer" || attribute.category === KIND_CATEGORY[kind];
  return (BUILT_IN_FIELDS as readonly string[]).includes(field) || KIND_FIELDS[kind].includes(field as ImportField);
}

// Headers as staff of dealerships write them, in English and French, compared without accents, case or punctuation.
const SYNONYMS: Record<ImportField, string[]> = {
  firstName: ["firstname", "first", "prenom", "givenname", "forename", "fname"],
  lastName: ["lastname", "last", "nom", "nomdefamille", "surname", "familyname", "lname"],
  fullName: ["name", "fullname", "nomcomplet", "client", "customer", "customername", "nomduclient"],
  mobile: ["mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "cellular", "cellulaire", "portable", "telephonemobile", "telmobile", "phone", "phonenumber", "telephone", "tel", "numerodetelephone", "sms"],
  email: ["email", "emailaddress", "courriel", "adressecourriel", "adresseemail", "mail", "ecourriel"],
  externalId: ["externalid", "idexterne", "id", "customerid", "clientid", "customernumber", "customerno", "numeroclient", "noclient", "dmsid", "reference"],
  language: ["language", "langue", "lang", "locale", "preferredlanguage", "languepreferee"],
  appointmentDate: ["date", "appointmentdate", "datedurendezvous", "daterendezvous", "daterdv", "datedurdv", "jour", "day"],
  appointmentTime: ["time", "heure", "appointmenttime", "heuredurendezvous", "heurerdv", "heuredurdv", "starttime", "heurededebut", "debut"],
  appointmentDateTime: ["datetime", "dateandtime", "dateheure", "dateetheure", "start", "startsat", "startat", "appointment", "rendezvous", "rdv"],
  appointmentDuration: ["duration", "duree", "durationminutes", "dureeminutes", "dureemin", "minutes", "length"],
  appointmentType: ["type", "appointmenttype", "typederendezvous", "typerdv", "typederdv", "service", "motif", "reason"],
  appointmentStatus: ["status", "statut", "etat", "appointmentstatus", "statutdurendezvous"],
  appointmentExternalId: ["appointmentid", "idrendezvous", "idrdv", "norendezvous", "numerorendezvous", "bookingid", "bookingnumber", "confirmationnumber"],
  repairOrderNumber: ["ro", "rono", "ronumber", "repairorder", "repairordernumber", "repairorderno", "workorder", "workordernumber", "bondetravail", "nodebondetravail", "numerodebondetravail", "nobondetravail", "bt", "nobt", "numerobt", "ordernumber"],
  repairOrderTitle: ["title", "titre", "description", "travaux", "work", "operation", "operations", "repairs"],
  repairOrderStatus: ["status", "statut", "etat", "rostatus", "statutdubon"],
  repairOrderDate: ["date", "rodate", "repairorderdate", "datedubon", "datedubondetravail", "datebt", "dateouverture", "opendate", "opened", "servicedate", "datedevisite", "visitdate"],
};

const squash = (text: string) => normalizeForSearch(text).replace(/[^a-z0-9]/g, "");

/**
 * Proposes a field for each column of a file of this kind: by its header first (exact, then
 * contained), then by what its sample values look like. A field is proposed for one column
 * at most; the kind's own fields and attributes go first, so "Date" or "Kilométrage" fill them.
 */
export function guessMapping(columns: ImportColumn[], attributes: CategorizedAttribute[], kind: ImportKind = "customers"): ImportMapping {
  const fitting = attributes.filter((attribute) => fieldFitsKind(attributeField(attribute.key, attribute.category), kind));
  fitting.sort((a, b) => Number(a.category === "customer") - Number(b.category === "customer"));
  const candidates: [string, string[]][] = [
    ...[...KIND_FIELDS[kind], ...BUILT_IN_FIELDS].map((field) => [field, SYNONYMS[field]] as [string, string[]]),
    ...fitting.map((attribute) => [attributeField(attribute.key, attribute.category), [squash(attribute.label), squash(attribute.key)]] as [string, string[]]),
  ];
  const mapping: ImportMapping = columns.map(() => null);
  const taken = new Set<string>();
  const assign = (index: number, field: string) => {
    mapping[index] = field;
    taken.add(field);
  };
  const headers = columns.map((column) => squash(column.header));
  for (const [field, names] of candidates) {
    const index = headers.findIndex((header, i) => mapping[i] === null && names.includes(header));
    if (index >= 0 && !taken.has(field)) assign(index, field);
  }
  // Words inside longer headers ("Mobile phone (cell)"); a full name only by its exact header, since "client" is in many.
  for (const [field, names] of candidates) {
    if (taken.has(field) || field === "fullName") continue;
    const index = headers.findIndex((header, i) => mapping[i] === null && names.some((name) => name.length > 4 && header.includes(name)));
    if (index >= 0) assign(index, field);
  }
  const byContent: [BuiltInField, (value: string) => boolean][] = [
    ["mobile", (value) => parsePhone(value).ok],
    ["email", (value) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)],
  ];
  for (const [field, test] of byContent) {
    if (taken.has(field)) continue;
    const index = columns.findIndex((column, i) => mapping[i] === null && column.samples.length > 0 && column.samples.filter(Boolean).every(test) && column.samples.some(Boolean));
    if (index >= 0) assign(index, field);
  }
  // "Name" next to a first name column is the last name, not a full name.
  const fullName = mapping.indexOf("fullName");
  if (fullName >= 0 && taken.has("firstName")) mapping[fullName] = taken.has("lastName") ? null : "lastName";
  else if (fullName >= 0 && taken.has("lastName")) mapping[fullName] = null;
  return mapping;
}

/** The kind a file most likely holds, by its headers: a repair order number, else an appointment's date with its time or type. */
export function guessKind(columns: ImportColumn[], attributes: CategorizedAttribute[]): ImportKind {
  if (guessMapping(columns, attributes, "repair_orders").includes("repairOrderNumber")) return "repair_orders";
  const appointment = guessMapping(columns, attributes, "appointments");
  const when = appointment.includes("appointmentDateTime") || appointment.includes("appointmentDate");
  const what = ["appointmentTime", "appointmentType", "appointmentDuration", "appointmentDateTime"].some((field) => appointment.includes(field));
  return when && what ? "appointments" : "customers";
}

/** Columns with up to three non-empty sample values each, for the mapping screen. */
export function describeColumns(headers: string[], rows: { cells: string[] }[]): ImportColumn[] {
  return headers.map((header, index) => {
    const samples: string[] = [];
    for (const row of rows.slice(0, 200)) {
      const value = row.cells[index];
      if (value) samples.push(value.slice(0, 80));
      if (samples.length === 3) break;
    }
    return { header: header.slice(0, 80), samples };
  });
}
