// npm run package:teams: fills appPackage/manifest.json from the environment and writes the zip to upload to Teams.
//   MicrosoftAppId=<bot app id> PUBLIC_BASE_URL=https://<your bot host> npm run package:teams
// Optional: TEAMS_APP_ID, TEAMS_APP_VERSION, TEAMS_DEVELOPER_NAME, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL (see teams-manifest.ts).
// `-- --icons` first redraws appPackage/color.png, outline.png and public/favicon.png; `-- --out <file>` picks the zip's path.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../src/config';
import { colorIcon, outlineIcon } from '../src/channels/teams-icons';
import { APP_PACKAGE_DIR, fillManifest, manifestValues, PACKAGE_FILES } from '../src/channels/teams-manifest';
import { encodePng } from '../src/channels/teams-png';
import { createZip } from '../src/channels/teams-zip';
import { PROJECT_ROOT, PUBLIC_DIR } from '../src/paths';

export const DEFAULT_ZIP = path.join(PROJECT_ROOT, 'dist', 'appPackage', 'traces-nt-assistant-teams.zip');

/** Redraws the icons (committed as PNG files; run after changing teams-icons.ts). */
export function writeIcons(appPackageDir = APP_PACKAGE_DIR, publicDir = PUBLIC_DIR): void {
  fs.writeFileSync(path.join(appPackageDir, 'color.png'), encodePng(colorIcon(192)));
  fs.writeFileSync(path.join(appPackageDir, 'outline.png'), encodePng(outlineIcon(32)));
  fs.writeFileSync(path.join(publicDir, 'favicon.png'), encodePng(colorIcon(32)));
}

/** Builds the Teams app package: the filled manifest, its localisation and the two icons, at the zip's root. */
export function buildTeamsPackage(env: Record<string, string | undefined>, outFile = DEFAULT_ZIP, appPackageDir = APP_PACKAGE_DIR): string {
  const values = manifestValues(env);
  const entries = PACKAGE_FILES.map((name) => {
    const data = fs.readFileSync(path.join(appPackageDir, name));
    return { name, data: name === 'manifest.json' ? Buffer.from(fillManifest(data.toString('utf8'), values), 'utf8') : data };
  });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, createZip(entries));
  return outFile;
}

function main(argv: string[]): void {
  if (argv.includes('--icons')) writeIcons();
  const at = argv.indexOf('--out');
  const out = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : DEFAULT_ZIP;
  try {
    const file = buildTeamsPackage(process.env, out);
    process.stdout.write(`Teams app package written: ${file}\nUpload it in Teams (Apps → Manage your apps → Upload an app) or the Teams Developer Portal.\n`);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`Could not build the Teams package: ${err.message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main(process.argv.slice(2));
