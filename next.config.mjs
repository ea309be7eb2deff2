import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time;
  // bundling it would break those paths. pdfkit (and its fontkit) read their own data
  // files the same way. @react-email/render needs react-dom/server, which the server-components
  // bundle refuses to import; loaded by Node it renders emails from route handlers and jobs.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "nodemailer", "natural", "pdfkit", "fontkit", "@react-email/render"],
  poweredByHeader: false,
  // Responses are small JSON and HTML streams; gzip per response cost more CPU than it
  // saved and buffers server-sent events. Compress at the reverse proxy if needed.
  compress: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
