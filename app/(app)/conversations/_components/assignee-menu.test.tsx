/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import en from "@/lib/i18n/messages/en.json";
import { AssigneeMenuContent } from "./assignee-menu";

describe("the assignee menu", () => {
  it("shows each staff member's photo, or their initials when they have none", () => {
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <DropdownMenu open>
          <AssigneeMenuContent
            onPick={() => {}}
            people={{
              users: [
                { id: "u1", name: "Annie Roy", away: false, photoUrl: "/api/users/u1/photo?v=3" },
                { id: "u2", name: "Marc Ouellet", away: true, photoUrl: null },
              ],
              teams: [{ id: "t1", name: "Service" }],
            }}
          />
        </DropdownMenu>
      </NextIntlClientProvider>,
    );
    const [annie, marc] = screen.getAllByRole("menuitem");
    expect(within(annie!).getByText("Annie Roy")).toBeInTheDocument();
    expect(annie!.querySelector("img")?.getAttribute("src")).toBe("/api/users/u1/photo?v=3");
    expect(marc!.querySelector("img")).toBeNull();
    expect(within(marc!).getByText("MO")).toBeInTheDocument();
  });
});
