import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Body bytes the client managed to send before it had the answer (or the socket closed). */
  bytesSent: number;
}

/**
 * Sends a request body of `totalBytes` (a JSON document padded with spaces) the way an attacker
 * would: in 64 KiB chunks, with a declared Content-Length or chunked, and stops sending as soon
 * as the server answers. Unlike fetch it still reports the answer when the server closes the
 * connection before the body is through.
 */
export function sendLargeBody({
  url,
  method = "POST",
  headers = {},
  totalBytes,
  chunked,
}: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  totalBytes: number;
  chunked: boolean;
}): Promise<RawResponse> {
  const prefix = Buffer.from('{"doc":"board:00000000-0000-4000-8000-000000000000","pad":"');
  const suffix = Buffer.from('"}');
  const filler = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const request = http.request(url, {
      method,
      headers: {
        "content-type": "application/json",
        ...(chunked
          ? { "transfer-encoding": "chunked" }
          : { "content-length": String(totalBytes) }),
        ...headers,
      },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, bytesSent });
        request.destroy();
      });
      response.on("error", reject);
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && bytesSent < totalBytes) {
        const rest = totalBytes - bytesSent;
        const chunk =
          bytesSent === 0
            ? prefix
            : rest <= suffix.length
              ? suffix.subarray(suffix.length - rest)
              : filler.subarray(0, Math.min(filler.length, rest - suffix.length));
        bytesSent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

/** The resident set size of a process on Linux, in MiB. */
export async function rssMiB(pid: number): Promise<number> {
  const fs = await import("node:fs/promises");
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kib / 1024;
}
