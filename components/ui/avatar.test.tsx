/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { Avatar, initials } from "./avatar";

describe("Avatar", () => {
  it("shows the initials of a named person", () => {
    expect(initials("Marie-Claude Tremblay")).toBe("MT");
    expect(initials("émile")).toBe("É");
  });

  it("shows a person icon, not punctuation or digits, for a customer known only by number", () => {
    expect(initials("(514) 555-0100")).toBe("");
    render(<Avatar name="(514) 555-0100" />);
    expect(screen.getByTestId("avatar-person-icon")).toBeInTheDocument();
  });
});
