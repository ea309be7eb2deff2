import { z } from "zod";
import { GET as docsAsset } from "@/app/api/v1/docs/[asset]/route";
import { GET as docsPage } from "@/app/api/v1/docs/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { customerInput } from "./schemas";

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with every route, generated from the zod schemas that validate requests", async () => {
    const response = openApiRoute();
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: expect.stringMatching(/^https?:\/\/.+\/api\/v1$/) }]);
    expect(Object.keys(document.paths).sort()).toEqual(
      ["/appointments", "/appointments/batch", "/appointments/{id}", "/conversations", "/conversations/{id}", "/conversations/{id}/messages", "/customers", "/customers/batch", "/customers/{id}", "/messages", "/repair-orders", "/repair-orders/batch", "/repair-orders/{id}", "/users"].sort(),
    );
    const upsert = document.paths["/customers"].post;
    const { $schema: _schema, ...expected } = z.toJSONSchema(customerInput, { io: "input" }) as Record<string, unknown>;
    expect(upsert.requestBody.content["application/json"].schema).toEqual(expected);
    expect(upsert.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Idempotency-Key", in: "header" })]));
    expect(upsert.responses["422"]).toEqual({ $ref: "#/components/responses/Problem422" });
    expect(document.paths["/customers/{id}"].get.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    expect(document.paths["/customers"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor", "q", "external_id"]));
    expect(document.paths["/messages"].post["x-required-scope"]).toBe("send");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("has a reference page whose renderer is served from our own server", async () => {
    const page = await (await docsPage()).text();
    expect(page).toContain('src="/api/v1/docs/swagger-ui-bundle.js"');
    expect(page).not.toMatch(/https?:\/\//);
    const script = await docsAsset(new Request("http://localhost/api/v1/docs/swagger-ui-bundle.js"), { params: Promise.resolve({ asset: "swagger-ui-bundle.js" }) });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await docsAsset(new Request("http://localhost/api/v1/docs/x"), { params: Promise.resolve({ asset: "../../package.json" }) })).status).toBe(404);
  });
});
