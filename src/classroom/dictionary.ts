// The preset dictionary of `KC1-` result codes (contracts.md §5b): the UTF-8 bytes of this one line, exactly.
// It never changes; a new dictionary would get a new prefix (`KC2-`). tests/classroom/resultCode.test.ts
// checks its SHA-256 so that no edit, not even of one space, goes unnoticed.
import { utf8 } from './bytes';

export const KC1_DICTIONARY_TEXT =
  '{"v":1,"session":"","nick":"","level":"","levelHash":"","model":"kc-model-","seed":,"attempt":,"prediction":"type1-para","build":{"nodes":[{"id":"","piece":"type1-hypervisor","on":"hardware"},{"id":"","piece":"vm","on":"","kernel":"linux","driver":"para"},{"id":"","piece":"container-engine","on":""},{"id":"","piece":"host-os","on":"hardware","kernel":"windows"},{"id":"","piece":"type2-hypervisor","on":""}],"placements":[{"app":"","on":"","vm":{"kernel":"linux","driver":"emulated"}}],"provisioning":[{"app":"","prePull":true,"warmSpares":}],"commands":[{"atMs":,"op":"scale","app":"","instances":},{"atMs":,"op":"set-driver","vm":"","driver":"para"}]},"score":,"stars":}';

export const KC1_DICTIONARY: Uint8Array = utf8(KC1_DICTIONARY_TEXT);
