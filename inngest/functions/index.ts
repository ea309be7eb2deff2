import { handleAutomationReply } from "./automations/handle-reply";
import { runRequestedAutomation } from "./automations/run-automation";
import { runRequestedCampaign } from "./campaigns/run-campaign";
import { exportConversation } from "./conversations/export-conversation";
import { runCustomerImport } from "./imports/run-import";
import { sendNotificationEmails } from "./notifications/send-notification-emails";
import { deliverPushes } from "./push/deliver-pushes";
import { processInboundSms } from "./messaging/process-inbound-sms";
import { sendScheduledMessageAtTime } from "./scheduling/send-scheduled-message";
import { sweepFunctions } from "./sweeps";
import { endAwayModeAtReturn } from "./users/end-away-mode";
import { deliverWebhooks } from "./webhooks/deliver-webhooks";

export const functions = [...sweepFunctions, endAwayModeAtReturn, processInboundSms, sendScheduledMessageAtTime, runCustomerImport, handleAutomationReply, runRequestedAutomation, runRequestedCampaign, deliverWebhooks, exportConversation, sendNotificationEmails, deliverPushes];
