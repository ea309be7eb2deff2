import { clientNamespaces } from "@/tests/client-namespaces";
import { INBOX_NAMESPACES, SHELL_NAMESPACES } from "./client-namespaces";

// A namespace missing here shows its keys instead of text in the browser: update the list.
describe("the messages a route sends to the browser", () => {
  it("are those the signed-in shell's client components use", () => {
    expect([...SHELL_NAMESPACES]).toEqual(clientNamespaces(["app/(app)/layout.tsx"]));
  });

  it("are those the inbox's and a conversation's client components use", () => {
    expect([...INBOX_NAMESPACES]).toEqual(clientNamespaces(["app/(app)/conversations/layout.tsx", "app/(app)/conversations/page.tsx", "app/(app)/conversations/[id]/page.tsx"]));
  });
});
