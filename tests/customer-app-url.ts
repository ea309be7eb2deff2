/**
 * Import this first in a test file whose links must come from a real APP_URL: some
 * modules read the environment as they load, so setting it in the test body is too late.
 */
export const CUSTOMER_APP_URL = "https://sms.garage-lavoie.example";
process.env.APP_URL = CUSTOMER_APP_URL;
