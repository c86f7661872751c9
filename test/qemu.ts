// Boots a kernel or an ISO in QEMU headless and reads its serial port as it comes.
// A run ends on the verdict: when `until` matches the serial output, when the guest
// writes to the isa-debug-exit port (QEMU exits with status (value << 1) | 1), or
// when QEMU exits by itself. The timeout is only a safety net for a hung guest.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export interface QemuOptions {
  /** -kernel FILE (Multiboot ELF), -cdrom FILE, or a raw disk image on IDE. */
  kernel?: string;
  cdrom?: string;
  disk?: string;
  /** Stop as soon as the serial output matches. */
  until?: RegExp;
  /** Safety net in milliseconds (default 60 s); reaching it is a failure reported in `timedOut`. */
  timeoutMs?: number;
  /** Open a human monitor on a Unix socket, so a test can `sendkey`. */
  monitor?: boolean;
  /** Called whenever serial output arrives (e.g. to send keys once a line appears). */
  onOutput?: (serialSoFar: string, session: QemuSession) => void;
  /** Called whenever the monitor answers (e.g. `info registers`, to see the CPU halted). */
  onMonitorOutput?: (monitorSoFar: string, session: QemuSession) => void;
  extraArgs?: string[];
}

export interface QemuResult {
  serial: string;
  /** QEMU's exit status, or null when we stopped it after `until` matched. */
  exitCode: number | null;
  /** For isa-debug-exit: the value the guest wrote ((exitCode - 1) >> 1), else null. */
  debugExitValue: number | null;
  timedOut: boolean;
  matched: boolean;
  elapsedMs: number;
}

export interface QemuSession {
  /** Sends one human-monitor command (requires `monitor: true`). */
  monitor(command: string): void;
}

export const QEMU = "qemu-system-i386";

export function runQemu(opts: QemuOptions): Promise<QemuResult> {
  const args = ["-accel", "tcg", "-display", "none", "-no-reboot", "-serial", "stdio",
    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-m", "64"];
  if (opts.kernel) args.push("-kernel", opts.kernel);
  if (opts.cdrom) args.push("-cdrom", opts.cdrom, "-boot", "d");
  if (opts.disk) args.push("-drive", `file=${opts.disk},format=raw,if=ide`, "-boot", "c");
  let sockDir: string | undefined;
  let sockPath: string | undefined;
  if (opts.monitor) {
    sockDir = fs.mkdtempSync(path.join(os.tmpdir(), "ts386-qemu-"));
    sockPath = path.join(sockDir, "monitor.sock");
    args.push("-monitor", `unix:${sockPath},server,nowait`);
  } else {
    args.push("-monitor", "none");
  }
  args.push(...(opts.extraArgs ?? []));

  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(QEMU, args, { stdio: ["ignore", "pipe", "pipe"] });
    let serial = "";
    let stderr = "";
    let matched = false;
    let timedOut = false;
    let finished = false;
    let monitorSocket: net.Socket | undefined;
    let monitorText = "";
    const pending: string[] = [];
    const session: QemuSession = {
      monitor(command: string) {
        if (!sockPath) throw new Error("runQemu: monitor not enabled");
        if (!monitorSocket) {
          monitorSocket = net.createConnection(sockPath);
          monitorSocket.on("error", () => undefined);
          monitorSocket.on("connect", () => {
            for (const c of pending.splice(0)) monitorSocket!.write(c + "\n");
          });
          monitorSocket.setEncoding("latin1");
          monitorSocket.on("data", (chunk: string) => {
            monitorText += chunk;
            opts.onMonitorOutput?.(monitorText, session);
          });
        }
        if (monitorSocket.connecting) pending.push(command);
        else monitorSocket.write(command + "\n");
      },
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs ?? 60_000);
    child.stdout.setEncoding("latin1");
    child.stdout.on("data", (chunk: string) => {
      serial += chunk;
      opts.onOutput?.(serial, session);
      if (!matched && opts.until && opts.until.test(serial)) {
        matched = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.setEncoding("latin1");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      monitorSocket?.destroy();
      if (sockDir) fs.rmSync(sockDir, { recursive: true, force: true });
      const exitCode = matched || timedOut ? null : code;
      // QEMU's own failures exit 1, which is also what a guest writing 0 to isa-debug-exit
      // gives; guests therefore signal with non-zero values, and status 1 with a message is QEMU's.
      if (!matched && !timedOut && code !== null && code !== 0 && ((code & 1) === 0 || code === 1) && stderr.trim()) {
        reject(new Error(`qemu failed (status ${code}): ${stderr.trim()}`));
        return;
      }
      resolve({
        serial: serial.replace(/\r\n/g, "\n"),
        exitCode,
        debugExitValue: exitCode !== null && (exitCode & 1) === 1 ? (exitCode - 1) >> 1 : null,
        timedOut,
        matched,
        elapsedMs: Date.now() - started,
      });
    });
  });
}
