/** Reads the `ACK <id> <sha256>` lines a crash child printed before it was killed. */
export function attachmentAcks(lines: readonly string[], into = new Map<number, string>()): Map<number, string> {
  for (const line of lines) {
    const match = /^ACK (\d+) ([0-9a-f]{64})$/.exec(line);
    if (match) into.set(Number(match[1]), match[2]!);
  }
  return into;
}
