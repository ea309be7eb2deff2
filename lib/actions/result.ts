/** What every server action answers: its data, or an i18n error key with field errors. */
export type ActionError = {
  ok: false;
  error: string;
  values?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionError;
