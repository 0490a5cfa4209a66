import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/cli/i18n.ts';
import { loadConfig } from '../../src/config.ts';
import { startedClock } from '../../src/shared/clock.ts';

describe('loadConfig', () => {
  it('defaults to a SQLite file under data/ of the current folder, on 127.0.0.1:3000', () => {
    const config = loadConfig({}, { cwd: '/srv/relance' });
    expect(config).toMatchObject({
      databaseUrl: 'sqlite:/srv/relance/data/relance.db',
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/relance/data',
    });
  });

  it('reads the environment, and the command line wins over it', () => {
    const env = {
      RELANCE_DATABASE_URL: 'postgres://app@db:5432/relance',
      PORT: '8080',
      RELANCE_PORT: '9090',
      RELANCE_HOST: '0.0.0.0',
      RELANCE_DATA_DIR: '/var/lib/relance',
    };
    expect(loadConfig(env, { cwd: '/x' })).toMatchObject({
      databaseUrl: 'postgres://app@db:5432/relance',
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/relance',
    });
    expect(loadConfig({ RELANCE_PORT: '9090' }, { cwd: '/x' }).port).toBe(9090);
    expect(loadConfig(env, { cwd: '/x', databaseUrl: 'sqlite:other.db', port: '0' })).toMatchObject({
      databaseUrl: 'sqlite:/x/other.db',
      port: 0,
    });
  });

  it('refuses a port that is not one, naming the setting', () => {
    expect(() => loadConfig({ PORT: 'http' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => loadConfig({}, { port: '70000' })).toThrow(/Invalid port "70000"/);
  });

  it('starts the clock at RELANCE_CLOCK (running at real speed) and refuses an instant that is not one', () => {
    expect(loadConfig({}).clockStart).toBeNull();
    expect(loadConfig({ RELANCE_CLOCK: '2026-11-24T10:00:00+01:00' }).clockStart).toBe(
      '2026-11-24T09:00:00.000Z',
    );
    expect(() => loadConfig({ RELANCE_CLOCK: 'tuesday' })).toThrow(/Invalid RELANCE_CLOCK "tuesday"/);
    let real = Date.parse('2026-11-23T23:30:00Z');
    const clock = startedClock('2026-11-24T09:00:00.000Z', () => real);
    expect(clock.now()).toBe('2026-11-24T09:00:00.000Z');
    real += 90_000;
    expect(clock.now()).toBe('2026-11-24T09:01:30.000Z');
    expect(clock.today('Europe/Paris')).toBe('2026-11-24');
  });

  it('serves the web app only once it is built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relance-web-'));
    expect(loadConfig({ RELANCE_WEB_DIST: dir }).webDist).toBeNull();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    expect(loadConfig({ RELANCE_WEB_DIST: dir }).webDist).toBe(dir);
  });
});

describe('detectLang', () => {
  it('takes --lang first, then RELANCE_LANG and the POSIX locale, French by default', () => {
    expect(detectLang(['--lang', 'en', 'init'], { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(detectLang(['init', '--lang=fr'], { LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(detectLang([], { RELANCE_LANG: 'en', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(detectLang([], { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('fr');
    expect(detectLang([], { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(detectLang([], { LANG: 'C.UTF-8' })).toBe('fr');
    expect(detectLang([], {})).toBe('fr');
    expect(detectLang(['import', '--', '--lang', 'en'], {})).toBe('fr');
  });
});
