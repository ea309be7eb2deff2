import { listOutbox } from "@/lib/email/mailer";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { sendReportEmailsNow } from "./actions";

const database = withTestDatabase();

describe("send report emails now (dev tools)", () => {
  it("sends the signed-in admin's company its weekly email at once, only that company's, and refuses agents", async () => {
    const { db } = database;
    const mine = await createCompany(db, { name: "Garage Mine" });
    const theirs = await createCompany(db, { name: "Garage Theirs" });
    const admin = await createUser(db, mine.id, { role: "admin", language: "en" });
    const agent = await createUser(db, mine.id, { role: "agent" });
    const stranger = await createUser(db, theirs.id, { role: "admin" });

    expect(await sendReportEmailsNow.run(contextFor(db, agent, mine.id), {})).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await sendReportEmailsNow.run(contextFor(db, admin, mine.id), { companyId: theirs.id })).toEqual({ ok: true, data: { weekly: 1, daily: 0 } });
    expect(await sendReportEmailsNow.run(contextFor(db, admin, mine.id), {})).toEqual({ ok: true, data: { weekly: 0, daily: 0 } });
    const sent = await listOutbox(db, 50);
    expect(sent.map((mail) => [mail.to, mail.subject.startsWith("Garage Mine: your week of")])).toEqual([[admin.email, true]]);
    expect(sent.some((mail) => mail.to === stranger.email)).toBe(false);
  });
});
