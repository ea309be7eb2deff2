import "@testing-library/jest-dom";
import { AsyncLocalStorage } from "node:async_hooks";

// inngest imports node:async_hooks dynamically, which Jest's VM refuses; hand it the
// cache it would have built so runs keep their async context.
const als = new AsyncLocalStorage();
(globalThis as Record<symbol, unknown>)[Symbol.for("inngest:als")] ??= {
  promise: Promise.resolve(als),
  resolved: als,
  isFallback: false,
};
