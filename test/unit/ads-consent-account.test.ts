import { beforeAll, describe, expect, it } from 'vitest';
import { account, classifyForm } from '../../lib/detectors/account';
import { ads } from '../../lib/detectors/ads';
import { consent } from '../../lib/detectors/consent';
import { adNetworkOf, loadDomainRules } from '../../lib/net/ad-networks';
import type { Field, Form } from '../../lib/snapshot/schema';
import { makeSnapshot, ref } from '../helpers/make-snapshot';
import { fr as frText } from '../helpers/params';

function field(over: Partial<Field>): Field {
  return { tag: 'input', type: 'text', name: '', id: '', autocomplete: '', placeholder: '', label: '', ariaLabel: '', required: false, hidden: false, ...over };
}
function form(over: Partial<Form>): Form {
  return { action: 'https://www.editeur-exemple.fr/', method: 'post', id: '', className: '', heading: '', submitTexts: [], fields: [], virtual: false, ref: ref('#f'), ...over };
}

describe('adNetworkOf', () => {
  beforeAll(loadDomainRules);
  it('names ad-serving hosts by registrable domain, and Prebid by its file name on any CDN', () => {
    expect(adNetworkOf('https://tpc.googlesyndication.com/safeframe/x.html', 'https://www.editeur-exemple.fr/')?.id).toBe('adsense');
    expect(adNetworkOf('https://ib.adnxs.com/ut/v3', 'https://www.editeur-exemple.fr/')?.name).toBe('Xandr (AppNexus)');
    expect(adNetworkOf('https://cdn.jsdelivr.net/npm/prebid.js@9/dist/prebid.js', 'https://www.editeur-exemple.fr/')?.id).toBe('prebid');
    expect(adNetworkOf('https://www.editeur-exemple.fr/js/pub.js', 'https://www.editeur-exemple.fr/')).toBeUndefined();
    expect(adNetworkOf('data:text/html,<p>', 'https://www.editeur-exemple.fr/')).toBeUndefined();
  });
});

describe('ads', () => {
  it('a "Publicité" link in a menu (the publisher\'s ad sales page) is not an ad label', async () => {
    const r = ref('#menu-pub', 'Publicité');
    const snap = makeSnapshot({ textSignals: [{ pattern: 'ad-label', text: 'Publicité', ref: r }], links: [{ href: 'https://www.editeur-exemple.fr/regie', text: 'Publicité', title: '', ariaLabel: '', rel: '', imgAlt: '', imgSrc: '', ref: r }] });
    expect(await ads.run(snap, { now: 0 })).toEqual([]);
  });
});

describe('consent', () => {
  it('a banner already answered (no accept button left) is not judged on its refuse option', async () => {
    const snap = makeSnapshot({ marked: [{ kind: 'consent', matched: '#tarteaucitronRoot', tag: 'div', id: 'tarteaucitronRoot', className: '', text: 'Gestion des services', controls: ['Gestion des services'], ref: ref('#tarteaucitronRoot') }] });
    expect(((await consent.run(snap, { now: 0 })) as { key: string }[]).map((f) => f.key)).toEqual(['cmp-tarteaucitron']);
  });
});

describe('account', () => {
  it('a login form with a current password is not a sign-up, whatever its "Créer un compte" link says', () => {
    const login = form({ submitTexts: ['Se connecter', 'Créer un compte'], fields: [field({ type: 'email', name: 'email' }), field({ type: 'password', autocomplete: 'current-password' })] });
    expect(classifyForm(login)).toMatchObject({ signup: false, login: true });
  });

  it('a change-password form (current + new) is not a sign-up', () => {
    const change = form({ submitTexts: ['Enregistrer'], fields: [field({ type: 'password', autocomplete: 'current-password' }), field({ type: 'password', autocomplete: 'new-password' }), field({ type: 'password', autocomplete: 'new-password' })] });
    expect(classifyForm(change).signup).toBe(false);
  });

  it('teacher-made accounts stated on the page lower the sign-up to a check, with the reason', async () => {
    const signup = form({ heading: 'Inscription', submitTexts: ["S'inscrire"], fields: [field({ type: 'email' }), field({ type: 'password', autocomplete: 'new-password' })] });
    const mitigated = makeSnapshot({ forms: [signup], textSignals: [{ pattern: 'class-code', text: 'Les comptes sont créés par votre enseignant', ref: ref('#note', 'Les comptes sont créés par votre enseignant') }] });
    const out = await account.run(mitigated, { now: 0 });
    const found = out.find((f) => f.key === 'signup-form')!;
    expect(found).toMatchObject({ severity: 'review' });
    expect(frText(found.params)).toEqual(['Les comptes sont créés par votre enseignant']);
    const plain = await account.run(makeSnapshot({ forms: [signup] }), { now: 0 });
    expect(plain.find((f) => f.key === 'signup-form')?.severity).toBe('blocking');
  });
});
