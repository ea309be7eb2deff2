"use client";

import { MessageSquarePlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { startConversation } from "@/lib/conversations/actions";

/** CONV-10: an appointment without a conversation can still text its customer. */
export function TextCustomerButton({ customerId, label, text, disabled }: { customerId: string; label: string; text: string; disabled?: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        pending={pending}
        disabled={disabled}
        icon={<MessageSquarePlus className="h-4 w-4" aria-hidden />}
        aria-label={label}
        title={label}
        data-testid="appointment-text-customer"
        onClick={() => run(() => startConversation({ customerId }), ({ conversationId }) => router.push(`/conversations/${conversationId}`))}
      >
        {text}
      </Button>
      {error ? (
        <span role="alert" className="max-w-56 text-right text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
