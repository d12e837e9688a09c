import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { ICON_SIZES, renderIcons } from './scripts/lib/icons';
import { htmlValidatePrecompiled } from './scripts/lib/html-validate-precompiled';

const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

// One config for every target. The "audit" mode is the build that the headless audit and the e2e tests load:
// there is no toolbar click in a headless run to grant activeTab, so that build alone gets host permissions.
// The store builds (mode "production") have none; test/e2e/manifest.spec.ts checks it.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // html-validate's JSON schemas are compiled at build time: no `new Function` in the extension's pages (RGAA 8.2).
  // Workers (the dashboard's import, lib/import/import-worker.ts) as ES modules: they load lazy chunks like the pages.
  // The import worker reaches the detectors (lib/detectors/finding.ts, through the export's migrations) and so
  // html-validate's chunk: precompiled there too.
  vite: () => ({ plugins: [preact(), htmlValidatePrecompiled()], worker: { format: 'es', plugins: () => [htmlValidatePrecompiled()] } }),
  hooks: {
    // The icons are drawn as SVG (assets/icon.svg) and rendered to PNG here, into .wxt/ (not committed).
    'build:publicAssets': (wxt, files) => {
      const dir = join(wxt.config.wxtDir, 'icons');
      for (const rel of Object.values(renderIcons(dir))) files.push({ relativeDest: rel, absoluteSrc: join(dir, rel) });
    },
  },
  manifest: ({ browser, mode }) => {
    const audit = mode === 'audit';
    const firefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'fr',
      // alarms: the subscribed catalogues' refresh (issue 24); storage: the académie's policy (storage.managed).
      // Issue 23: the observed reload asks, when the person chooses it, for cookies and webRequest (and host access);
      // the audit build, which no one can click through, has them from the start.
      permissions: ['activeTab', 'scripting', 'alarms', 'storage', ...(firefox ? [] : ['sidePanel']), ...(audit ? ['cookies', 'webRequest'] : [])],
      host_permissions: audit ? ['<all_urls>'] : undefined,
      // A catalogue's one origin is asked at the moment of subscribing (Chrome: within <all_urls>; Firefox MV2 lists
      // its optional host permissions among optional_permissions, and refuses to ask for one not listed there: https
      // only; the audit variant adds this computer, where the tests serve their catalogues).
      optional_host_permissions: audit || firefox ? undefined : ['<all_urls>'],
      // Firefox's MV2 manifest lists optional host access with the optional permissions: the observed reload's
      // (issue 23) and a catalogue's origin (issue 24).
      optional_permissions: firefox
        ? [...(audit ? [] : ['cookies', 'webRequest', '<all_urls>']), 'https://*/*', ...(audit ? ['http://127.0.0.1/*', 'http://localhost/*'] : [])]
        : audit
          ? undefined
          : ['cookies', 'webRequest'],
      icons: ICONS,
      action: { default_title: '__MSG_actionTitle__', default_icon: ICONS },
      commands: {
        [firefox ? '_execute_sidebar_action' : '_execute_action']: {
          suggested_key: { default: 'Alt+Shift+L' },
          description: '__MSG_commandOpen__',
        },
        reinspect: {
          suggested_key: { default: 'Alt+Shift+I' },
          description: '__MSG_commandReinspect__',
        },
      },
      ...(firefox
        ? {
            // WXT replaces these with entrypoints/sidepanel/index.html's <meta name="manifest.…"> tags, where
            // open_at_install: false really lives (test/e2e/manifest.spec.ts pins it).
            sidebar_action: {
              default_title: '__MSG_extName__',
              default_panel: 'sidepanel.html',
              open_at_install: false,
            },
            browser_specific_settings: {
              gecko: {
                id: 'loupe@loupe-education.fr',
                // 140: the first Firefox that reads data_collection_permissions, which AMO requires of new add-ons
                // (it also covers MAIN-world content scripts, 128). Firefox for Android is not a target (no sidebar).
                strict_min_version: '140.0',
                // Loupe collects nothing and sends nothing.
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {
            side_panel: { default_path: 'sidepanel.html' },
            // What an académie may set by policy (3rdparty → extensions → <id>), read from storage.managed; Firefox
            // reads the same keys from policies.json "3rdparty" → "Extensions" without a schema.
            storage: { managed_schema: 'managed_schema.json' },
          }),
    };
  },
});
