import * as s from "@/db/schema";
import { campaignProgress, findCampaign, listCampaigns } from "@/db/queries/campaigns";
import { countGroupMembers, findGroup, listGroups } from "@/db/queries/groups";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import { loadCampaignRecipients, loadCampaigns } from "./actions";
import { CAMPAIGN_PAGE, RECIPIENT_PAGE } from "./pages";
import { campaignRecipientsPage } from "./recipients";

const database = withTestDatabase();

async function company(name: string) {
  const db = database.db;
  const row = await createCompany(db, { name });
  const agent = await createUser(db, row.id, { role: "agent" });
  return { id: row.id, context: contextFor(db, agent, row.id) };
}

describe("campaign list and results: Load more", () => {
  it("pages every campaign once, newest first, ties broken by id, and never another company's", async () => {
    const db = database.db;
    const a = await company("A");
    const b = await company("B");
    const base = Date.parse("2026-11-01T12:00:00Z");
    // Pairs share a creation instant, so the id has to break the tie across a page boundary.
    const created = await db
      .insert(s.campaigns)
      .values(Array.from({ length: CAMPAIGN_PAGE + 6 }, (_, i) => ({ companyId: a.id, name: `A${i}`, createdAt: new Date(base + Math.floor(i / 2) * 60_000) })))
      .returning();
    await db.insert(s.campaigns).values({ companyId: b.id, name: "B only", createdAt: new Date(base + 3_600_000) });

    const first = await listCampaigns(db, { companyId: a.id, limit: CAMPAIGN_PAGE });
    expect(first.rows).toHaveLength(CAMPAIGN_PAGE);
    const next = await loadCampaigns.run(a.context, { cursor: first.nextCursor! });
    if (!next.ok) throw new Error(next.error);
    expect(next.data.nextCursor).toBeNull();

    const seen = [...first.rows.map((row) => row.id), ...next.data.rows.map((row) => row.id)];
    const expected = [...created].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : 1)).map((row) => row.id);
    expect(seen).toEqual(expected);

    const intruder = await loadCampaigns.run(b.context, { cursor: first.nextCursor! });
    expect(intruder.ok && intruder.data.rows.map((row) => row.name)).toEqual([]);
    expect(await loadCampaigns.run(a.context, { cursor: { createdAt: "yesterday", id: "x" } as never })).toMatchObject({ ok: false });
  });

  it("loads the next recipients in the same filter, with their notes, for this company only", async () => {
    const db = database.db;
    const a = await company("A");
    const b = await company("B");
    const [campaign] = await db.insert(s.campaigns).values({ companyId: a.id, name: "Pneus", status: "completed" }).returning();
    const count = RECIPIENT_PAGE + 10;
    const customers = [];
    for (let i = 0; i < count * 2; i++) customers.push(await createCustomer(db, a.id, { firstName: `C${i}` }));
    const base = Date.parse("2026-11-01T12:00:00Z");
    const recipients = await db
      .insert(s.campaignRecipients)
      .values(customers.map((customer, i) => ({ companyId: a.id, campaignId: campaign!.id, customerId: customer.id, status: i % 2 ? ("skipped" as const) : ("sent" as const), skipReason: i % 2 ? ("no_mobile" as const) : null, createdAt: new Date(base + Math.floor(i / 4) * 1000) })))
      .returning();
    const last = recipients.filter((row) => row.status === "skipped").at(-1)!;
    await db.insert(s.notes).values({ companyId: a.id, customerId: last.customerId, campaignRecipientId: last.id, body: "Rappeler" });

    const first = await campaignRecipientsPage(db, { companyId: a.id, campaignId: campaign!.id, status: "skipped", cursor: null, limit: RECIPIENT_PAGE });
    expect(first.rows).toHaveLength(RECIPIENT_PAGE);
    const next = await loadCampaignRecipients.run(a.context, { campaignId: campaign!.id, status: "skipped", cursor: first.nextCursor! });
    if (!next.ok) throw new Error(next.error);
    const all = [...first.rows, ...next.data.rows];
    expect(all.every((row) => row.status === "skipped")).toBe(true);
    expect(new Set(all.map((row) => row.id)).size).toBe(count);
    expect(next.data.nextCursor).toBeNull();
    expect(next.data.notes).toEqual([expect.objectContaining({ recipientId: last.id, body: "Rappeler" })]);

    expect(await loadCampaignRecipients.run(b.context, { campaignId: campaign!.id, status: null, cursor: first.nextCursor! })).toMatchObject({ ok: false, error: "errors.notFound" });
  });

  it("the campaign and group pages find nothing of another company: the campaign, its progress, a linked recipient, the group and its members", async () => {
    const db = database.db;
    const a = await company("A");
    const b = await company("B");
    const customer = await createCustomer(db, a.id, { firstName: "Secret" });
    const [campaign] = await db.insert(s.campaigns).values({ companyId: a.id, name: "Pneus", status: "completed" }).returning();
    const [recipient] = await db.insert(s.campaignRecipients).values({ companyId: a.id, campaignId: campaign!.id, customerId: customer.id, status: "sent" }).returning();
    const [group] = await db.insert(s.customerGroups).values({ companyId: a.id, name: "VIP", kind: "static" }).returning();
    await db.insert(s.customerGroupMembers).values({ companyId: a.id, groupId: group!.id, customerId: customer.id, source: "selection" });

    // What each page reads first decides a 404: company A sees its own, company B nothing.
    expect((await findCampaign(db, { companyId: a.id, campaignId: campaign!.id }))?.id).toBe(campaign!.id);
    expect(await findCampaign(db, { companyId: b.id, campaignId: campaign!.id })).toBeUndefined();
    expect((await campaignProgress(db, { companyId: a.id, campaignId: campaign!.id })).total).toBe(1);
    expect((await campaignProgress(db, { companyId: b.id, campaignId: campaign!.id })).total).toBe(0);
    const linked = (companyId: string) => campaignRecipientsPage(db, { companyId, campaignId: campaign!.id, status: null, cursor: null, recipientId: recipient!.id, limit: 1 });
    expect((await linked(a.id)).rows.map((row) => row.id)).toEqual([recipient!.id]);
    expect((await linked(b.id)).rows).toEqual([]);
    expect((await findGroup(db, { companyId: a.id, groupId: group!.id }))?.id).toBe(group!.id);
    expect(await findGroup(db, { companyId: b.id, groupId: group!.id })).toBeUndefined();
    expect(await countGroupMembers(db, { companyId: a.id, groupId: group!.id })).toBe(1);
    await expect(countGroupMembers(db, { companyId: b.id, groupId: group!.id })).rejects.toThrow("automations.errors.ruleGroupUnknown");
    expect((await listGroups(db, { companyId: b.id })).map((row) => row.id)).not.toContain(group!.id);
  });
});
