/**
 * Log lines for a person at a terminal: `dossier: <message>` on stderr instead of pino's JSON,
 * which buried answers in the interactive session. Fields stay out; the message names what matters.
 */
export function plainLogDestination(out: { write(text: string): unknown } = process.stderr): { write(line: string): void } {
  return {
    write(line: string) {
      let message = line.trim();
      try {
        message = String((JSON.parse(line) as { msg?: unknown }).msg ?? message);
      } catch {
        // Not one of pino's lines: shown as it came.
      }
      out.write(`dossier: ${message}\n`);
    },
  };
}
