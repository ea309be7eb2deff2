import { z } from "zod";

export const optOutFlagSchema = z.object({ flagId: z.uuid() });
