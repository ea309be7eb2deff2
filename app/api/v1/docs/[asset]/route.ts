import { referenceAsset } from "@/lib/api/reference";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const asset = await referenceAsset((await params).asset);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(asset.body), { headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" } });
}
