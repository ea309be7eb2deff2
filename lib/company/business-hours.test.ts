import { eq } from "drizzle-orm";
import { companies } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { updateBusinessHours } from "./actions";

const database = withTestDatabase();

const hoursOf = async (companyId: string) => (await database.db.select({ hours: companies.businessHours }).from(companies).where(eq(companies.id, companyId)))[0]!.hours;

describe("business hours (company settings)", () => {
  it("saves an admin's open days sorted Monday to Sunday, and clears them when turned off", async () => {
    const { db } = database;
    const company = await createCompany(db);
    const admin = await createUser(db, company.id, { role: "admin" });
    const days = [
      { day: 6, open: "09:00", close: "12:00" },
      { day: 1, open: "08:30", close: "17:00" },
    ];
    expect(await updateBusinessHours.run(contextFor(db, admin, company.id), { enabled: true, days })).toEqual({ ok: true, data: { businessHours: [days[1], days[0]] } });
    expect(await hoursOf(company.id)).toEqual([days[1], days[0]]);
    expect(await updateBusinessHours.run(contextFor(db, admin, company.id), { enabled: false, days })).toEqual({ ok: true, data: { businessHours: null } });
    expect(await hoursOf(company.id)).toBeNull();
  });

  it("refuses closing before opening, impossible times, twice the same day, and no open day", async () => {
    const { db } = database;
    const company = await createCompany(db);
    const context = contextFor(db, await createUser(db, company.id, { role: "admin" }), company.id);
    expect(await updateBusinessHours.run(context, { enabled: true, days: [{ day: 2, open: "17:00", close: "09:00" }] })).toMatchObject({ ok: false, fieldErrors: { "days.0.close": ["company.businessHours.closeBeforeOpen"] } });
    expect(await updateBusinessHours.run(context, { enabled: true, days: [{ day: 2, open: "24:00", close: "25:00" }] })).toMatchObject({ ok: false, fieldErrors: { "days.0.open": ["company.businessHours.timeInvalid"] } });
    expect(await updateBusinessHours.run(context, { enabled: true, days: [{ day: 8, open: "09:00", close: "10:00" }] })).toMatchObject({ ok: false });
    expect(await updateBusinessHours.run(context, { enabled: true, days: [{ day: 2, open: "09:00", close: "10:00" }, { day: 2, open: "11:00", close: "12:00" }] })).toMatchObject({ ok: false, fieldErrors: { days: ["errors.invalidInput"] } });
    expect(await updateBusinessHours.run(context, { enabled: true, days: [] })).toMatchObject({ ok: false, fieldErrors: { days: ["company.businessHours.noDays"] } });
    expect(await hoursOf(company.id)).toBeNull();
  });

  it("changes only the signed-in user's company, and refuses agents", async () => {
    const { db } = database;
    const mine = await createCompany(db);
    const theirs = await createCompany(db);
    const admin = await createUser(db, mine.id, { role: "admin" });
    const agent = await createUser(db, theirs.id, { role: "agent" });
    const days = [{ day: 3, open: "10:00", close: "11:00" }];
    // A companyId in the input is not read: the company comes from the session.
    expect(await updateBusinessHours.run(contextFor(db, admin, mine.id), { enabled: true, days, companyId: theirs.id })).toMatchObject({ ok: true });
    expect(await hoursOf(theirs.id)).toBeNull();
    expect(await hoursOf(mine.id)).toEqual(days);
    expect(await updateBusinessHours.run(contextFor(db, agent, theirs.id), { enabled: true, days })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await hoursOf(theirs.id)).toBeNull();
  });
});
