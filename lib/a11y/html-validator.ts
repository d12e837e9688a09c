import type { ConfigData, HtmlValidate, ResolvedConfig } from 'html-validate/browser';
import { HTML_VALIDATE_CONFIG } from './html-validate-rules';

// RGAA 8.2's validator (lib/detectors/a11y-html-validity.ts). html-validate's StaticConfigLoader resolves its
// configuration again on every validation: the configuration object checked against its schema, merged, and the
// whole html5 element table loaded and expanded anew, about a tenth of a long page's validation. The configuration
// never changes here, so it is resolved once and kept, as html-validate's own file-system loader keeps one resolved
// configuration per file. html-validate is a chunk of its own, loaded on the first validation (during axe's run),
// not with the panel's first script.

/** A validator whose configuration is resolved on its first validation and reused after. */
export async function createHtmlValidator(config: ConfigData = HTML_VALIDATE_CONFIG): Promise<HtmlValidate> {
  const { HtmlValidate: Validator, StaticConfigLoader } = await import('html-validate/browser');
  class ResolvedOnce extends StaticConfigLoader {
    #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;
    override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
      // An override (none in Loupe) is a different configuration: resolved as html-validate would.
      if (configOverride) return super.getConfigFor(handle, configOverride);
      return (this.#resolved ??= super.getConfigFor(handle));
    }
  }
  return new Validator(new ResolvedOnce(config));
}
