export const DEMO_PASSWORD = "parley123";
export const DEMO_ADMIN_EMAIL = "admin@parley.test";
export const DEMO_AGENT_EMAIL = "agent@parley.test";
export const DEMO_SENDER_NUMBER = "+15145550100";
