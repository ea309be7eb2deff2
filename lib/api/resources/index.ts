import "server-only";
// Every route of /api/v1, so that the OpenAPI document lists them all.
export * from "./customers";
export * from "./records";
export * from "./messaging";
