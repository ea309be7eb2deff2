import { runAllSweeps } from "@/lib/background/in-process";
import { withTestDatabase } from "@/tests/db";
import { GET } from "./route";

const database = withTestDatabase();

describe("GET /api/health", () => {
  it("reports the database driver and whether background work runs", async () => {
    const before = await (await GET()).json();
    expect(before).toMatchObject({
      status: "ok",
      database: { driver: database.driver, ok: true },
      background: { engine: "in-process", reachable: false },
      sms: "local",
    });
    await runAllSweeps();
    const response = await GET();
    expect(response.status).toBe(200);
    expect((await response.json()).background).toMatchObject({ engine: "in-process", reachable: true });
  });
});
