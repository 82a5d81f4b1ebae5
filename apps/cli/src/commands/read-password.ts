import { createInterface } from 'node:readline';

/** Reads a password: all of stdin (for scripts), or a prompt without echo on a terminal. */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = prompt as unknown as { _writeToOutput: (text: string) => void };
  muted._writeToOutput = (text: string) => {
    if (text.includes('Password')) process.stdout.write(text);
  };
  const password = await new Promise<string>((resolve) => prompt.question('Password: ', resolve));
  prompt.close();
  process.stdout.write('\n');
  return password;
}
