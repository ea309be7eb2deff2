import type { MetadataRoute } from "next";

const BRAND = "#2552eb";

/** Makes Parley installable (Android Chrome, desktop; iOS reads app/layout.tsx's apple tags). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Parley",
    short_name: "Parley",
    description: "Texto d'équipe pour les entreprises de service · Team SMS for service businesses",
    start_url: "/conversations",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: BRAND,
    categories: ["business", "productivity"],
    prefer_related_applications: false,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [{ name: "Conversations", url: "/conversations", icons: [{ src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" }] }],
  };
}
