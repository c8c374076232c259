// The `imsmanifest.xml` of a SCORM package (contracts.md §7): one organization, one item, one SCO whose
// launch file is the game's index.html with `lms=scorm12|scorm2004` (and `mode=embed&level=ID` or
// `&chapter=N` for part of the game), listing every file of the package. tests/lms/manifest.test.ts
// validates both versions against the ADL/IMS schemas.
import type { ScormVersion } from './launch';

export interface ManifestOptions {
  version: ScormVersion;
  /** Unique per package, e.g. `kernel-courier-0.1.0-level-venom`. */
  identifier: string;
  title: string;
  /** The launch file with its query, relative to the package root (not yet XML-escaped). */
  launch: string;
  /** Every file of the package, `/`-separated paths relative to its root. */
  files: readonly string[];
  masteryScore: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An xs:ID: a letter or `_` first, then letters, digits, `-`, `_`, `.`. */
export function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]/g, '-');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** The launch file's query for a package of the whole game, one chapter or one level. */
export function launchHref(version: ScormVersion, part: { level?: string; chapter?: number }): string {
  const query = new URLSearchParams({ lms: version });
  if (part.level) {
    query.set('mode', 'embed');
    query.set('level', part.level);
  } else if (part.chapter) {
    query.set('mode', 'embed');
    query.set('chapter', String(part.chapter));
  }
  return `index.html?${query.toString()}`;
}

export function buildManifest(options: ManifestOptions): string {
  const id = xmlId(options.identifier);
  const title = escapeXml(options.title);
  const files = options.files.map((file) => `      <file href="${escapeXml(file)}"/>`).join('\n');
  const href = escapeXml(options.launch);
  if (options.version === 'scorm12') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${title}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${options.masteryScore}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="${href}">
${files}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${title}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${options.masteryScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-1" type="webcontent" adlcp:scormType="sco" href="${href}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
