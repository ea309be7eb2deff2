import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAnthropicCall = { system: string; text: string; model: string; authorization: string | undefined; apiKey: string | undefined };

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

/**
 * A local stand-in for the Anthropic Messages API. Each test sets how it answers: a
 * function of the prompt, or an HTTP error.
 */
export async function startFakeAnthropic() {
  const calls: FakeAnthropicCall[] = [];
  let answer: (call: FakeAnthropicCall) => string | { status: number; body: unknown } = (call) => call.text;
  const server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as { system?: string; model: string; messages: { content: string }[] };
    const call = {
      system: body.system ?? "",
      text: body.messages[0]?.content ?? "",
      model: body.model,
      authorization: request.headers.authorization,
      apiKey: request.headers["x-api-key"] as string | undefined,
    };
    calls.push(call);
    const result = answer(call);
    if (typeof result !== "string") {
      response.writeHead(result.status, { "content-type": "application/json" });
      response.end(JSON.stringify(result.body));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        id: `msg_${calls.length}`,
        type: "message",
        role: "assistant",
        model: body.model,
        content: [{ type: "text", text: result }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 10 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    calls,
    answerWith: (fn: typeof answer) => {
      answer = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
