import { eq } from "drizzle-orm";
import { inboundMessageParts, messages } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";
import { inboundDrainSettled } from "./accept";
import { acceptInboundSmsPart, flushIncompleteParts, MISSING_PART, PART_TIMEOUT_MS } from "./parts";
import { processPendingInbound } from "./queue";

const database = withTestDatabase();
let counter = 0;

async function setup() {
  const company = await createCompany(database.db);
  const customer = await createCustomer(database.db, company.id);
  const part = (reference: string, partNumber: number, totalParts: number, text: string, partProviderId = `PART-${++counter}`) => ({
    provider: "vonage" as const,
    from: customer.mobile!,
    to: company.senderNumber!,
    text,
    receivedAt: new Date(),
    partProviderId,
    reference,
    partNumber,
    totalParts,
  });
  const bodies = async () => {
    await inboundDrainSettled();
    await processPendingInbound(database.db);
    return (await database.db.select().from(messages).where(eq(messages.customerId, customer.id)).orderBy(messages.createdAt)).map((m) => m.body);
  };
  return { part, bodies };
}

describe("multipart texts from the legacy SMS API", () => {
  it("stores a second long text that reuses the 8-bit concat reference, and clears joined parts", async () => {
    const { part, bodies } = await setup();
    const db = database.db;
    const first = [part("42", 1, 2, "Bonjour, "), part("42", 2, 2, "mon auto?")];
    for (const p of first) await acceptInboundSmsPart(db, p);
    const second = [part("42", 2, 2, "demain."), part("42", 1, 2, "Je passe ")];
    for (const p of second) await acceptInboundSmsPart(db, p);
    expect(await bodies()).toEqual(["Bonjour, mon auto?", "Je passe demain."]);
    const kept = await db.select().from(inboundMessageParts).where(eq(inboundMessageParts.reference, "42"));
    expect(kept.every((row) => row.joinedAt !== null && row.text === "")).toBe(true);
  });

  it("stores a text once when its parts are delivered twice, out of order, before and after the join", async () => {
    const { part, bodies } = await setup();
    const db = database.db;
    const parts = [part("7", 1, 3, "Un "), part("7", 2, 3, "deux "), part("7", 3, 3, "trois")];
    const deliveries = [parts[2]!, parts[0]!, parts[2]!, parts[1]!, parts[0]!, parts[1]!];
    const outcomes = [];
    for (const p of deliveries) outcomes.push((await acceptInboundSmsPart(db, p)).status);
    expect(outcomes).toEqual(["waiting_for_parts", "waiting_for_parts", "duplicate", "accepted", "duplicate", "duplicate"]);
    await flushIncompleteParts(db, new Date(Date.now() + PART_TIMEOUT_MS + 60_000));
    expect(await bodies()).toEqual(["Un deux trois"]);
  });

  it("turns a set whose parts never all arrive into what arrived, marked incomplete, after the timeout", async () => {
    const { part, bodies } = await setup();
    const db = database.db;
    const one = part("9", 1, 3, "Le début, ");
    await acceptInboundSmsPart(db, one);
    await acceptInboundSmsPart(db, part("9", 3, 3, "la fin."));
    expect(await flushIncompleteParts(db)).toMatchObject({ flushed: 0 });
    expect(await bodies()).toEqual([]);
    expect(await flushIncompleteParts(db, new Date(Date.now() + PART_TIMEOUT_MS + 60_000))).toMatchObject({ flushed: 1 });
    expect(await bodies()).toEqual([`Le début, ${MISSING_PART}la fin.`]);
    // A late retry of a part already stored changes nothing.
    expect((await acceptInboundSmsPart(db, one)).status).toBe("duplicate");
    await flushIncompleteParts(db, new Date(Date.now() + 2 * PART_TIMEOUT_MS));
    expect(await bodies()).toHaveLength(1);
  });
});
