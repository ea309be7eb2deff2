import * as s from "@/db/schema";
import { reportIndicators, reportUserBreakdown } from "@/db/queries/reports";
import { zonedLocalToUtc } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";

const database = withTestDatabase();
const TZ = "America/Toronto";
const at = (local: string) => zonedLocalToUtc(local, TZ);
/** Monday to Friday, 9 to 5; closed on weekends. */
const WEEKDAYS_9_TO_5: s.BusinessHoursDay[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));

async function setup() {
  const { db } = database;
  const company = await createCompany(db, { timezone: TZ });
  const agent = await createUser(db, company.id, { role: "agent", name: "Agent" });
  const waits: [string, string][] = [
    // Friday 16:30 → Monday 09:15, over the weekend of the change to standard time: 30 + 15 open minutes.
    ["2026-10-30T16:30", "2026-11-02T09:15"],
    // Tuesday 07:00, before opening → 09:10: 10 open minutes.
    ["2026-11-03T07:00", "2026-11-03T09:10"],
    // Wednesday noon → 12:05.
    ["2026-11-04T12:00", "2026-11-04T12:05"],
    // Saturday → Sunday, all while closed: no open time at all.
    ["2026-11-07T10:00", "2026-11-08T10:00"],
  ];
  for (const [asked, answered] of waits) {
    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id);
    const base = { companyId: company.id, conversationId: conversation.id, customerId: customer.id, body: "…" };
    await db.insert(s.messages).values([
      { ...base, direction: "inbound", sourceKind: "customer", status: "received", createdAt: at(asked) },
      { ...base, direction: "outbound", sourceKind: "manual", status: "delivered", senderUserId: agent.id, createdAt: at(answered) },
    ]);
  }
  return { company, agent, scope: { companyId: company.id, from: at("2026-10-26T00:00"), to: at("2026-11-09T00:00"), timeZone: TZ, unansweredAfterHours: 400, now: at("2026-11-10T00:00") } };
}

describe("first-response time with business hours", () => {
  it("counts only open hours in the company's time zone, in SQL", async () => {
    const { scope, agent } = await setup();
    const open = await reportIndicators(database.db, { ...scope, businessHours: WEEKDAYS_9_TO_5 });
    // Sorted open-hour waits: 0, 300, 600, 2700 seconds.
    expect(open.firstResponseMedianSeconds).toBe(450);
    expect(open.firstResponseP90Seconds).toBeCloseTo(2070, 6);
    const [row] = await reportUserBreakdown(database.db, { ...scope, businessHours: WEEKDAYS_9_TO_5 });
    expect(row).toMatchObject({ id: agent.id, firstResponseMedianSeconds: 450 });

    const clock = await reportIndicators(database.db, { ...scope, businessHours: null });
    // Clock time: 300, 7800, 86400 and 236700 s (Friday 16:30 → Monday 09:15 is 65 h 45 min with the hour given back on Sunday).
    expect(clock.firstResponseMedianSeconds).toBe(47_100);
    expect(clock.firstResponseP90Seconds).toBeCloseTo(191_610, 6);
  });

  it("counts a day's own hours: a Saturday morning open, the rest closed", async () => {
    const { scope } = await setup();
    const saturdayToo = [...WEEKDAYS_9_TO_5, { day: 6, open: "09:00", close: "12:00" }];
    const figures = await reportIndicators(database.db, { ...scope, businessHours: saturdayToo });
    // Friday's wait gains Saturday 9–12 (13500 s), the weekend one Saturday 10–12 (7200 s): 300, 600, 7200, 13500.
    expect(figures.firstResponseMedianSeconds).toBe(3900);
    expect(figures.firstResponseP90Seconds).toBeCloseTo(11_610, 6);
  });
});
