import type { z } from "zod";
import { translatorFor } from "@/lib/i18n/translator";

/** One field's problem in a request: where (a JSON pointer into the body or query) and why. */
export type FieldError = { pointer: string; code: string; detail: string };

/** An error answered as RFC 9457 `application/problem+json`. */
export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; code?: string; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? title);
  }
}

const TYPES: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "unprocessable",
  429: "rate-limited",
  500: "internal",
};

export function problemResponse(problem: ApiProblem, headers: Record<string, string> = {}) {
  const body = {
    type: `https://parley.dev/problems/${problem.extra.code ?? TYPES[problem.status] ?? "error"}`,
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.extra.code ? { code: problem.extra.code } : {}),
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), { status: problem.status, headers: { "content-type": "application/problem+json", ...headers, ...problem.extra.headers } });
}

const english = translatorFor("en");

/** Our messages are i18n keys ("customers.mobileInvalid"); an integrator reads them in English. */
export function describe(message: string, values?: Record<string, string | number>) {
  return english.has(message as never) ? english(message as never, values as never) : message;
}

export const pointerOf = (path: readonly PropertyKey[]) => "/" + path.map((part) => String(part).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export function fieldError(path: readonly PropertyKey[], code: string, values?: Record<string, string | number>): FieldError {
  return { pointer: path.length ? pointerOf(path) : "", code, detail: describe(code, values) };
}

export function validationProblem(errors: FieldError[], detail = "The request has invalid fields.") {
  return new ApiProblem(422, "Validation failed", detail, { errors, code: "validation" });
}

export function zodProblem(error: z.ZodError, prefix: PropertyKey[] = []) {
  return validationProblem(
    error.issues.map((issue) => {
      const known = english.has(issue.message as never);
      return { pointer: pointerOf([...prefix, ...issue.path]), code: known ? issue.message : issue.code, detail: describe(issue.message) };
    }),
  );
}

export const notFound = (what = "resource") => new ApiProblem(404, "Not found", `No such ${what}.`);
