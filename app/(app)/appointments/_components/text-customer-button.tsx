"use client";

import { MessageSquarePlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { startConversation } from "@/lib/conversations/actions";

/** CONV-10: an appointment without a conversation can still text its customer. */
export function TextCustomerButton({ customerId, label }: { customerId: string; label: string }) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  return (
    <Button
      variant="ghost"
      size="icon"
      pending={pending}
      aria-label={label}
      title={error ?? label}
      data-testid="appointment-text-customer"
      onClick={() => run(() => startConversation({ customerId }), ({ conversationId }) => router.push(`/conversations/${conversationId}`))}
    >
      <MessageSquarePlus className="h-4 w-4" aria-hidden />
    </Button>
  );
}
