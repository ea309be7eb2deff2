export const BENCH_SENDER = "+15145550999";
