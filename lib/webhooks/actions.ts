"use server";

import { z } from "zod";
import {
  deleteWebhookEndpoint,
  disableWebhookEndpoint,
  enableWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  requeueDeliveriesBetween,
  requeueDelivery,
  rollWebhookSecret,
  updateWebhookEndpoint,
} from "@/db/queries/webhooks";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { TEST_EVENT_TYPE } from "./events";
import { emitWebhookEvent, nudgeWebhookDelivery } from "./record";
import { generateWebhookSecret } from "./signing";
import { checkEndpointUrl } from "./ssrf";
import { createEndpointSchema, endpointIdSchema, replayDeliverySchema, replayRangeSchema, updateEndpointSchema } from "./validation";

const endpointOutput = z.object({ id: z.string(), url: z.string(), status: z.string() });
/** How long a rolled secret keeps signing beside the new one. */
const PREVIOUS_SECRET_VALID_MS = 24 * 3600 * 1000;

/** A new endpoint; its address must not resolve to our own network (unless allowed). */
export const createWebhookEndpoint = defineAction(
  { input: createEndpointSchema, output: endpointOutput, permission: "manageWebhooks" },
  async ({ url, description, eventTypes }, { db, companyId }) => {
    const checked = await checkEndpointUrl(url);
    return insertWebhookEndpoint(db, { companyId, url: checked.toString(), description, eventTypes, secret: generateWebhookSecret() });
  },
);

export const updateWebhookEndpointAction = defineAction(
  { input: updateEndpointSchema, output: endpointOutput, permission: "manageWebhooks" },
  async ({ id, url, description, eventTypes }, { db, companyId }) => {
    const checked = await checkEndpointUrl(url);
    const updated = await updateWebhookEndpoint(db, { companyId, endpointId: id, values: { url: checked.toString(), description, eventTypes } });
    if (!updated) throw new NotFoundError();
    return updated;
  },
);

export const deleteWebhookEndpointAction = defineAction(
  { input: endpointIdSchema, output: z.object({ id: z.string() }), permission: "manageWebhooks" },
  async ({ id }, { db, companyId }) => {
    const deleted = await deleteWebhookEndpoint(db, { companyId, endpointId: id });
    if (!deleted) throw new NotFoundError();
    return deleted;
  },
);

/** The signing secret, shown on request. */
export const revealWebhookSecret = defineAction(
  { input: endpointIdSchema, output: z.object({ secret: z.string() }), permission: "manageWebhooks" },
  async ({ id }, { db, companyId }) => {
    const endpoint = await findWebhookEndpoint(db, { companyId, endpointId: id });
    if (!endpoint) throw new NotFoundError();
    return { secret: endpoint.secret };
  },
);

/** A new secret; the old one still signs for 24 h, so the receiver can switch without losing a delivery. */
export const rollWebhookSecretAction = defineAction(
  { input: endpointIdSchema, output: z.object({ secret: z.string(), previousSecretExpiresAt: z.date() }), permission: "manageWebhooks" },
  async ({ id }, { db, companyId }) => {
    const rolled = await rollWebhookSecret(db, { companyId, endpointId: id, secret: generateWebhookSecret(), previousExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_VALID_MS) });
    if (!rolled) throw new NotFoundError();
    return { secret: rolled.secret, previousSecretExpiresAt: rolled.previousSecretExpiresAt! };
  },
);

export const enableWebhookEndpointAction = defineAction(
  { input: endpointIdSchema, output: endpointOutput, permission: "manageWebhooks" },
  async ({ id }, { db, companyId }) => {
    const enabled = await enableWebhookEndpoint(db, { companyId, endpointId: id });
    if (!enabled) throw new NotFoundError();
    await nudgeWebhookDelivery();
    return enabled;
  },
);

export const disableWebhookEndpointAction = defineAction(
  { input: endpointIdSchema, output: z.object({ id: z.string() }), permission: "manageWebhooks" },
  async ({ id }, { db, companyId }) => {
    const endpoint = await findWebhookEndpoint(db, { companyId, endpointId: id });
    if (!endpoint) throw new NotFoundError();
    await disableWebhookEndpoint(db, { companyId, endpointId: id, reason: "manual", now: new Date() });
    return { id };
  },
);

/** Sends a `webhook.test` event to this endpoint only. */
export const sendTestWebhookEvent = defineAction(
  { input: endpointIdSchema, output: z.object({ eventId: z.string() }), permission: "manageWebhooks" },
  async ({ id }, { db, companyId }) => {
    const endpoint = await findWebhookEndpoint(db, { companyId, endpointId: id });
    if (!endpoint) throw new NotFoundError();
    const { event } = await emitWebhookEvent(db, {
      companyId,
      type: TEST_EVENT_TYPE,
      payload: { message: "This is a test event from Parley.", endpoint_id: endpoint.id },
      endpointId: endpoint.id,
    });
    return { eventId: event!.id };
  },
);

export const replayWebhookDelivery = defineAction(
  { input: replayDeliverySchema, output: z.object({ id: z.string() }), permission: "manageWebhooks" },
  async ({ deliveryId }, { db, companyId }) => {
    const requeued = await requeueDelivery(db, { companyId, deliveryId, now: new Date() });
    if (!requeued) throw new NotFoundError();
    await nudgeWebhookDelivery();
    return { id: requeued.id };
  },
);

/** Replays every delivery of an endpoint whose event happened in the range. */
export const replayWebhookRange = defineAction(
  { input: replayRangeSchema, output: z.object({ count: z.number() }), permission: "manageWebhooks" },
  async ({ id, from, to }, { db, companyId }) => {
    const endpoint = await findWebhookEndpoint(db, { companyId, endpointId: id });
    if (!endpoint) throw new NotFoundError();
    const count = await requeueDeliveriesBetween(db, { companyId, endpointId: id, from, to, now: new Date() });
    if (count) await nudgeWebhookDelivery();
    return { count };
  },
);
