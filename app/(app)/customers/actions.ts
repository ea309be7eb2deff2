"use server";

import { runAction } from "@/lib/actions/run";
import { createAppointment, setAppointmentStatus, updateAppointment } from "@/lib/appointments/actions";
import { createCustomer, loadCustomers, setSubscriptions, updateCustomer } from "@/lib/customers/actions";

export async function loadCustomersAction(input: unknown) {
  return runAction(loadCustomers, input);
}

export async function createCustomerAction(input: unknown) {
  return runAction(createCustomer, input);
}

export async function updateCustomerAction(input: unknown) {
  return runAction(updateCustomer, input);
}

export async function setSubscriptionsAction(input: unknown) {
  return runAction(setSubscriptions, input);
}

export async function createAppointmentAction(input: unknown) {
  return runAction(createAppointment, input);
}

export async function updateAppointmentAction(input: unknown) {
  return runAction(updateAppointment, input);
}

export async function setAppointmentStatusAction(input: unknown) {
  return runAction(setAppointmentStatus, input);
}
