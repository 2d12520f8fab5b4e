import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTeamsPackage } from '../../scripts/package-teams';
import { APP_PACKAGE_DIR, fillManifest, manifestValues, PACKAGE_FILES } from '../../src/channels/teams-manifest';
import { ConfigError } from '../../src/config';
import { expect } from '../support/chai';
import { validate, type Schema } from './json-schema';
import { decodePng, readZip } from './read-package';

const SCHEMA_DIR = path.join(__dirname, '..', '..', '..', 'test', 'appPackage', 'schema');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const manifestSchema = readJson(path.join(SCHEMA_DIR, 'MicrosoftTeams.schema.json')) as Schema;
const localizationSchema = readJson(path.join(SCHEMA_DIR, 'MicrosoftTeams.Localization.schema.json')) as Schema;

const ENV = {
  MicrosoftAppId: '3f2c1e4a-9b7d-4c1e-8f6a-2b5d7e9c0a11',
  PUBLIC_BASE_URL: 'https://traces-assistant.example.org/',
};

type Manifest = {
  manifestVersion: string;
  $schema: string;
  id: string;
  bots: { botId: string; scopes: string[] }[];
  icons: { color: string; outline: string };
  developer: Record<string, string>;
  validDomains: string[];
  localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
};

function filledManifest(env: Record<string, string> = ENV): Manifest {
  const template = fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(fillManifest(template, manifestValues(env))) as Manifest;
}

describe('Teams app package', () => {
  describe('manifest', () => {
    it('validates against the official Teams schema of its manifestVersion, offline', () => {
      const manifest = filledManifest();
      expect(manifest.$schema).to.contain(`/v${manifest.manifestVersion}/`);
      expect((manifestSchema as { properties: { manifestVersion: { const: string } } }).properties.manifestVersion.const).to.equal(manifest.manifestVersion);
      expect(validate(manifest, manifestSchema)).to.deep.equal([]);
    });

    it('is on a current schema version (1.22 or later)', () => {
      const [major, minor] = filledManifest().manifestVersion.split('.').map(Number);
      expect(major * 100 + minor).to.be.at.least(122);
    });

    // The validator must be able to say no, or a passing test above would mean nothing.
    it('the schema check rejects a manifest with a bad bot id, a missing field and an unknown field', () => {
      const manifest = filledManifest() as unknown as Record<string, unknown>;
      const broken = { ...manifest, bots: [{ botId: 'not-a-guid', scopes: ['personal'] }], surprise: true } as Record<string, unknown>;
      delete broken.accentColor;
      const errors = validate(broken, manifestSchema);
      expect(errors.join('\n')).to.match(/bots\[0\]\.botId/).and.to.match(/accentColor/).and.to.match(/surprise/);
    });

    it('fills bots[].botId from MicrosoftAppId, at least in personal scope, with the public host as valid domain', () => {
      const manifest = filledManifest();
      expect(manifest.bots).to.have.length(1);
      expect(manifest.bots[0].botId).to.equal(ENV.MicrosoftAppId);
      expect(manifest.bots[0].scopes).to.include('personal');
      expect(manifest.id).to.equal(ENV.MicrosoftAppId);
      expect(manifest.validDomains).to.deep.equal(['traces-assistant.example.org']);
      expect(manifest.developer.websiteUrl).to.equal('https://traces-assistant.example.org');
    });

    it('uses TEAMS_APP_ID and the privacy and terms URLs when they are given', () => {
      const manifest = filledManifest({
        ...ENV,
        TEAMS_APP_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        TEAMS_PRIVACY_URL: 'https://example.org/privacy',
        TEAMS_TERMS_URL: 'https://example.org/terms',
      });
      expect(manifest.id).to.equal('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
      expect(manifest.bots[0].botId).to.equal(ENV.MicrosoftAppId);
      expect(manifest.developer.privacyUrl).to.equal('https://example.org/privacy');
      expect(manifest.developer.termsOfUseUrl).to.equal('https://example.org/terms');
    });

    it('refuses to build without a GUID MicrosoftAppId or an https PUBLIC_BASE_URL, naming the variable', () => {
      expect(() => manifestValues({ PUBLIC_BASE_URL: ENV.PUBLIC_BASE_URL })).to.throw(ConfigError, /MicrosoftAppId/);
      expect(() => manifestValues({ ...ENV, MicrosoftAppId: 'abc' })).to.throw(ConfigError, /MicrosoftAppId/);
      expect(() => manifestValues({ ...ENV, PUBLIC_BASE_URL: 'http://insecure.example.org' })).to.throw(ConfigError, /PUBLIC_BASE_URL/);
      expect(() => manifestValues({ MicrosoftAppId: ENV.MicrosoftAppId })).to.throw(ConfigError, /PUBLIC_BASE_URL/);
    });

    it('every localisation file the manifest names exists and validates against the localisation schema', () => {
      const manifest = filledManifest();
      expect(manifest.localizationInfo.additionalLanguages.length).to.be.greaterThan(0);
      for (const { file } of manifest.localizationInfo.additionalLanguages) {
        expect(PACKAGE_FILES as readonly string[]).to.include(file);
        expect(validate(readJson(path.join(APP_PACKAGE_DIR, file)), localizationSchema)).to.deep.equal([]);
      }
    });
  });

  describe('icons', () => {
    it('the colour icon is a real 192×192 PNG', () => {
      const icon = decodePng(fs.readFileSync(path.join(APP_PACKAGE_DIR, filledManifest().icons.color)));
      expect([icon.width, icon.height]).to.deep.equal([192, 192]);
      // Full colour: the middle of the background is the opaque accent, not white or transparent.
      const at = (10 * 192 + 96) * 4;
      expect(icon.data[at + 3]).to.equal(255);
      expect([icon.data[at], icon.data[at + 1], icon.data[at + 2]]).to.not.deep.equal([255, 255, 255]);
    });

    it('the outline icon is a real 32×32 PNG, white on transparent only', () => {
      const icon = decodePng(fs.readFileSync(path.join(APP_PACKAGE_DIR, filledManifest().icons.outline)));
      expect([icon.width, icon.height]).to.deep.equal([32, 32]);
      let transparent = 0;
      let drawn = 0;
      for (let i = 0; i < icon.data.length; i += 4) {
        const [r, g, b, a] = icon.data.subarray(i, i + 4);
        if (a === 0) transparent += 1;
        else {
          drawn += 1;
          expect([r, g, b], `pixel ${i / 4}`).to.deep.equal([255, 255, 255]);
        }
      }
      expect(transparent).to.be.greaterThan(drawn);
      expect(drawn).to.be.greaterThan(50);
    });
  });

  describe('npm run package:teams', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes a zip with the filled manifest and the icons at its root', () => {
      const file = buildTeamsPackage(ENV, path.join(dir, 'app.zip'));
      const entries = readZip(fs.readFileSync(file));
      expect([...entries.keys()].sort()).to.deep.equal([...PACKAGE_FILES].sort());
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
      expect(manifest.bots[0].botId).to.equal(ENV.MicrosoftAppId);
      expect(JSON.stringify(manifest)).to.not.contain('{{');
      expect(validate(manifest, manifestSchema)).to.deep.equal([]);
      expect(entries.get('color.png')!.equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')))).to.equal(true);
      expect(decodePng(entries.get('outline.png')!).width).to.equal(32);
    });

    it('writes the same bytes for the same inputs (no timestamps inside)', () => {
      const a = fs.readFileSync(buildTeamsPackage(ENV, path.join(dir, 'a.zip')));
      const b = fs.readFileSync(buildTeamsPackage(ENV, path.join(dir, 'b.zip')));
      expect(a.equals(b)).to.equal(true);
    });
  });
});
