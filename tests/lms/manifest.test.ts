// Every imsmanifest.xml the package builder writes is valid against the SCORM schemas (ADL's XSDs,
// tests/lms/xsd/SOURCE.md), checked with libxml2's validator (xmllint-wasm).
import { describe, expect, it } from 'vitest';
import { buildManifest, launchHref } from '../../src/lms/manifest';
import { validateManifest } from './validateManifest';

const files = ['index.html', 'assets/index-abc123.js', 'assets/music-1.webm', 'assets/a file & more.png'];

describe('imsmanifest.xml', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    for (const part of [{}, { chapter: 2 }, { level: 'hostile-neighbour' }]) {
      it(`${version} ${JSON.stringify(part)} is valid against the SCORM schemas`, async () => {
        const manifest = buildManifest({ version, identifier: 'kernel-courier-0.1.0', title: 'Kernel Courier <&> "커널 택배"', launch: launchHref(version, part), files, masteryScore: 60 });
        expect(await validateManifest(version, manifest)).toEqual([]);
        expect(manifest).toContain(`href="index.html?lms=${version}`);
        for (const file of files) expect(manifest).toContain(`<file href="${file.replace(/&/g, '&amp;')}"/>`);
      });
    }
  }

  it('the validator rejects a manifest that breaks the schema (so the checks above can fail)', async () => {
    const good = buildManifest({ version: 'scorm12', identifier: 'kc', title: 'KC', launch: 'index.html', files, masteryScore: 60 });
    const misspelt = good.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    expect(await validateManifest('scorm12', misspelt)).not.toEqual([]);
    const good2004 = buildManifest({ version: 'scorm2004', identifier: 'kc', title: 'KC', launch: 'index.html', files, masteryScore: 60 });
    expect(await validateManifest('scorm2004', good2004.replace('<imsss:minNormalizedMeasure>0.6', '<imsss:minNormalizedMeasure>6'))).not.toEqual([]);
    expect(await validateManifest('scorm2004', good2004.replace('identifier="sco-1"', 'identifier="1sco"'))).not.toEqual([]);
  });
});
