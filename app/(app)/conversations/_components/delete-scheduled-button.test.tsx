/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import { DeleteScheduledButton } from "./delete-scheduled-button";

function renderButton() {
  const deletions: number[] = [];
  render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="America/Toronto">
      <DeleteScheduledButton pending={false} onConfirm={() => deletions.push(1)} />
    </NextIntlClientProvider>,
  );
  return deletions;
}

describe("deleting a scheduled message", () => {
  it("asks first and deletes nothing when the staff member cancels", () => {
    const deletions = renderButton();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByRole("dialog", { name: "Delete this scheduled message?" })).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole("button", { name: "Cancel" })[0]!);
    expect(deletions).toHaveLength(0);
  });

  it("deletes once confirmed", () => {
    const deletions = renderButton();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("dialog", { name: "Delete this scheduled message?" });
    fireEvent.click(Array.from(dialog.querySelectorAll("button")).find((button) => button.textContent === "Delete")!);
    expect(deletions).toHaveLength(1);
  });
});
