/**
 * What the e2e tests against a real relay start: the built editor served on 127.0.0.1, Chromium, and a relay
 * with an embedded store in a temporary directory (removed on close). Each `close` tolerates a part that never
 * started, so an `afterAll` can always call it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay, type RunningRelay } from '@hookmap/relay';
import { launchChromium, type LaunchedBrowser } from './browser.js';
import { APP_ROOT, buildEditor } from './build.js';
import { serveDirectory, type StaticServer } from './static-server.js';

/** Where e2e tests write their screenshots (ignored by git). */
export const SHOTS = join(APP_ROOT, 'screenshots');

export interface EditorStack {
  server: StaticServer;
  browser: LaunchedBrowser;
  close(): Promise<void>;
}

/** Builds the editor, serves it and launches Chromium. */
export async function startEditorStack(): Promise<EditorStack> {
  const outDir = await buildEditor();
  let server: StaticServer | undefined;
  let browser: LaunchedBrowser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    server = await serveDirectory(outDir);
    browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  mkdirSync(SHOTS, { recursive: true });
  return { server, browser, close };
}

export interface TestRelay {
  relay: RunningRelay;
  close(): Promise<void>;
}

/** A relay on 127.0.0.1 (a free port) with `adminToken`, quiet logs and an embedded store of its own. */
export async function startTestRelay(
  adminToken: string,
  options: Omit<Parameters<typeof startRelay>[0], 'adminToken' | 'dataDir'> = {},
): Promise<TestRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookmap-editor-relay-'));
  const relay = await startRelay({
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    ...options,
    dataDir,
    adminToken,
  });
  return {
    relay,
    async close() {
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
