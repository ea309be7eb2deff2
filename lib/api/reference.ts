import { readFile } from "node:fs/promises";
import path from "node:path";
import "server-only";

// The reference page is Swagger UI, served from its npm package (no CDN).
const ASSETS: Record<string, { file: string; type: string }> = {
  "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
};

export async function referenceAsset(name: string) {
  const asset = ASSETS[name];
  if (!asset) return null;
  const body = await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "swagger-ui-dist", asset.file));
  return { body, type: asset.type };
}

export function referencePage() {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley Integration API — reference</title>
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
<style>body{margin:0;background:#fff}.swagger-ui .topbar{display:none}</style>
</head>
<body>
<div id="reference"></div>
<script src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true, persistAuthorization: false, tryItOutEnabled: false, docExpansion: "list", defaultModelsExpandDepth: 0 });
</script>
</body>
</html>`;
}
