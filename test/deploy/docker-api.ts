import * as http from 'http';

/**
 * The Docker Engine API version every request is pinned to: 1.41 is what Debian's docker.io 20.10 speaks, and what the
 * kreuzwerker/docker 3.6 client negotiates down to on that engine.
 */
export const API_VERSION = '1.41';

/** An error answer of the engine, with its HTTP status and the engine's own message. */
export class DockerApiError extends Error {
  constructor(
    public readonly method: string,
    public readonly path: string,
    public readonly status: number,
    public readonly engineMessage: string,
  ) {
    super(`Docker API ${method} ${path}: HTTP ${status}: ${engineMessage}`);
  }
}

/** Options of one request. */
export interface RequestOptions {
  /** JSON body (serialized here) or raw bytes (sent as application/x-tar unless `contentType` says otherwise). */
  readonly body?: unknown;
  readonly contentType?: string;
  /** Query parameters; undefined values are left out. */
  readonly query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  /** Extra headers. */
  readonly headers?: Record<string, string>;
  /** Abort after this many ms. @default 120000 */
  readonly timeoutMs?: number;
}

/** A minimal Docker Engine API client over the engine's unix socket: no docker CLI, no SDK. */
export class DockerApi {
  constructor(public readonly socketPath: string) {}

  /** Sends a request and returns the raw answer body; throws {@link DockerApiError} on a non-2xx status. */
  public async raw(method: string, path: string, options: RequestOptions = {}): Promise<{ status: number; body: Buffer }> {
    const query = Object.entries(options.query ?? {})
      .filter(([, v]) => v !== undefined)
      // an array repeats the parameter (`changes=…&changes=…`), as the engine expects
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`))
      .join('&');
    const fullPath = `/v${API_VERSION}${path}${query ? `?${query}` : ''}`;
    let payload: Buffer | undefined;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (Buffer.isBuffer(options.body)) {
      payload = options.body;
      headers['Content-Type'] = options.contentType ?? 'application/x-tar';
    } else if (options.body !== undefined) {
      payload = Buffer.from(JSON.stringify(options.body));
      headers['Content-Type'] = 'application/json';
    }
    if (payload) headers['Content-Length'] = String(payload.length);
    return new Promise((resolve, reject) => {
      const req = http.request({ socketPath: this.socketPath, method, path: fullPath, headers, timeout: options.timeoutMs ?? 120_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          // 304: "already started/stopped", which the Docker Go client treats as success too
          if ((status >= 200 && status < 300) || status === 304) return resolve({ status, body });
          let message = body.toString();
          try {
            message = JSON.parse(message).message ?? message;
          } catch {
            // not JSON: keep the text
          }
          reject(new DockerApiError(method, path, status, message.trim()));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`Docker API ${method} ${path}: no answer within ${options.timeoutMs ?? 120_000} ms`)));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Sends a request and parses the JSON answer (undefined for an empty body). */
  public async json<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { body } = await this.raw(method, path, options);
    const text = body.toString().trim();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /**
   * Sends a request whose answer is a stream of JSON messages (image import, build), and throws on the first
   * message carrying an error: the engine reports those with HTTP 200.
   */
  public async jsonStream(method: string, path: string, options: RequestOptions = {}): Promise<any[]> {
    const { body } = await this.raw(method, path, options);
    const messages = body
      .toString()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l));
    const failed = messages.find((m) => m.error || m.errorDetail);
    if (failed) throw new DockerApiError(method, path, 200, failed.error ?? failed.errorDetail?.message);
    return messages;
  }

  /**
   * Runs a command in a running container (exec create + start, attached) and returns its exit code and output;
   * `user` overrides the container's user (default: the container's own, with its group_add).
   * The answer of a non-TTY exec is multiplexed: 8-byte frame headers (stream, 0, 0, 0, size) before each chunk.
   */
  public async exec(containerId: string, cmd: readonly string[], options: { user?: string; timeoutMs?: number } = {}): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const { Id } = await this.json('POST', `/containers/${containerId}/exec`, { body: { Cmd: cmd, AttachStdout: true, AttachStderr: true, User: options.user ?? '' } });
    const { body } = await this.raw('POST', `/exec/${Id}/start`, { body: { Detach: false, Tty: false }, timeoutMs });
    let stdout = '';
    let stderr = '';
    for (let i = 0; i + 8 <= body.length; ) {
      const size = body.readUInt32BE(i + 4);
      const chunk = body.subarray(i + 8, i + 8 + size).toString();
      if (body[i] === 2) stderr += chunk;
      else stdout += chunk;
      i += 8 + size;
    }
    const inspect = await this.json('GET', `/exec/${Id}/json`);
    return { exitCode: inspect.ExitCode, stdout, stderr };
  }
}
