import { ensureAuditBuild } from '../../scripts/lib/chromium';

export default function globalSetup() {
  ensureAuditBuild((s) => console.log(s));
  ensureAuditBuild((s) => console.log(s), 'firefox');
}
