import { sweepFunctions } from "./sweeps";
import { endAwayModeAtReturn } from "./users/end-away-mode";

export const functions = [...sweepFunctions, endAwayModeAtReturn];
