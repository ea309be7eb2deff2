export type { ReviewLink } from "@/db/schema";
