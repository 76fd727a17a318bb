import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliError } from './errors.js';
import { parseJsonWithLocation } from './json-location.js';

export const STDIN_NAME = '<stdin>';

export interface TextInput {
  text: string;
  /** File name as the user wrote it (without a leading @), or <stdin>. */
  name: string;
}

/** `-` reads stdin, `@file` and `file` read the file. Missing files are one clear line. */
export async function readTextInput(spec: string, stdin: Readable = process.stdin): Promise<TextInput> {
  if (spec === '-') return { text: await readStream(stdin), name: STDIN_NAME };
  const file = inputPath(spec);
  try {
    return { text: await readFile(file, 'utf8'), name: file };
  } catch (error) {
    throw new CliError(fileErrorMessage(file, error), { cause: error });
  }
}

export async function readJsonInput(
  spec: string,
  options: { mark?: (s: string) => string; stdin?: Readable } = {},
): Promise<TextInput & { value: unknown }> {
  const input = await readTextInput(spec, options.stdin);
  return { ...input, value: parseJsonWithLocation(input.text, input.name, { mark: options.mark }) };
}

/** `@file` means `file` (curl's convention); anything else is a path as given. */
export function inputPath(spec: string): string {
  return spec.startsWith('@') ? spec.slice(1) : spec;
}

export function fileErrorMessage(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `cannot read ${file}: no such file`;
  if (code === 'EISDIR') return `cannot read ${file}: it is a directory`;
  if (code === 'EACCES') return `cannot read ${file}: permission denied`;
  return `cannot read ${file}: ${(error as Error | undefined)?.message ?? String(error)}`;
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
