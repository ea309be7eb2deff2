"use server";

import { runAction } from "@/lib/actions/run";
import { signOut } from "@/lib/auth";
import { changePassword, setAwayMode, setLanguage } from "@/lib/users/actions";

export async function setMyLanguage(input: unknown) {
  return runAction(setLanguage, input);
}

export async function changeMyPassword(_state: unknown, input: unknown) {
  return runAction(changePassword, input);
}

export async function setMyAwayMode(input: unknown) {
  return runAction(setAwayMode, input);
}

export async function signOutFromMenu() {
  await signOut({ redirectTo: "/sign-in" });
}
