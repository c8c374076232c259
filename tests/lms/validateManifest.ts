// Validates an imsmanifest.xml against ADL's SCORM schemas (tests/lms/xsd/SOURCE.md) with libxml2's
// validator (xmllint-wasm). Used by the manifest unit test and the real-browser package test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const XSD = resolve(import.meta.dirname, 'xsd');

const WRAPPERS = {
  scorm12: {
    folder: 'scorm12',
    // libxml2 cannot compile two of ADL's 1.2 files: ims_xml.xsd (it binds the xml namespace as the
    // default namespace) and imsmd_rootv1p2p1.xsd (content models it finds not deterministic). The xml
    // namespace is taken from W3C's xml.xsd instead (imported first, so the later import is skipped), and
    // IMS meta-data is not imported: the manifests use none.
    imports: {
      'http://www.w3.org/XML/1998/namespace': 'w3c-xml.xsd',
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    },
  },
  scorm2004: {
    folder: 'scorm2004-4th',
    imports: {
      'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
    },
  },
} as const;

/** Validates a manifest; resolves to libxml2's error messages (empty when valid). */
export async function validateManifest(version: 'scorm12' | 'scorm2004', manifest: string): Promise<string[]> {
  const { folder, imports } = WRAPPERS[version];
  const dir = join(XSD, folder);
  const preload = readdirSync(dir)
    .filter((name) => name.endsWith('.xsd') || name.endsWith('.dtd'))
    .map((name) => ({ fileName: name, contents: readFileSync(join(dir, name), 'utf8') }));
  preload.push({ fileName: 'w3c-xml.xsd', contents: readFileSync(join(XSD, 'scorm2004-4th', 'xml.xsd'), 'utf8') });
  const wrapper = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kernel-courier:scorm-wrapper">
${Object.entries(imports)
  .map(([namespace, file]) => `  <xs:import namespace="${namespace}" schemaLocation="${file}"/>`)
  .join('\n')}
</xs:schema>`;
  const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: manifest }], schema: [{ fileName: 'wrapper.xsd', contents: wrapper }], preload });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
