import { processInboundSms } from "./messaging/process-inbound-sms";
import { sweepFunctions } from "./sweeps";
import { endAwayModeAtReturn } from "./users/end-away-mode";

export const functions = [...sweepFunctions, endAwayModeAtReturn, processInboundSms];
