"use client";

import { MessageSquarePlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startConversation } from "@/lib/conversations/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** CUST-5: "New message" opens the customer's conversation, ready to write. */
export function MessageCustomerButton({ customerId, disabled }: { customerId: string; disabled?: boolean }) {
  const t = useTranslations("customers");
  const router = useRouter();
  const { run, pending, error } = useAction();
  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <Button
        size="sm"
        disabled={disabled}
        pending={pending}
        icon={<MessageSquarePlus className="h-4 w-4" aria-hidden />}
        onClick={() => run(() => startConversation({ customerId }), ({ conversationId }) => router.push(`/conversations/${conversationId}`))}
        data-testid="message-customer"
      >
        {t("newMessage")}
      </Button>
      {error ? <p className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}
