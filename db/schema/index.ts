export * from "./companies";
export * from "./users";
export * from "./customers";
export * from "./conversations";
export * from "./payments";
export * from "./automations";
export * from "./notifications";
export * from "./system";
