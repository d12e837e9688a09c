import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern, subscribableUrl } from '@/lib/catalogue/fetch';
import { t } from '@/lib/i18n/t';
import { addSubscription } from '@/lib/storage/catalogues';
import { loupeDb } from '@/lib/storage/db';
import { refreshInBackground } from './refresh';

// "S'abonner à un catalogue": the host permission for that one origin is asked at the click (optional permission,
// the browser's own prompt), then the background fetches the file. Nothing is added if the person says no.

export function Subscribe() {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const u = subscribableUrl(url);
    if (!u) {
      setProblem(t('settings_badUrl'));
      return;
    }
    // The first await of the handler: the browser grants the prompt only within the person's gesture.
    const granted = await browser.permissions.request({ origins: [originPattern(u.href)] }).catch(() => false);
    if (!granted) {
      setProblem(t('settings_permissionRefused', u.origin));
      return;
    }
    const added = await addSubscription(loupeDb(), u.href, 'person', Date.now());
    if (!added.ok) {
      setProblem(t(added.error.messageKey, added.error.detail));
      return;
    }
    setProblem('');
    setUrl('');
    await refreshInBackground(u.href);
  };
  return (
    <section aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{t('settings_subscribe')}</h2>
      <p id="subscribe-hint">{t('settings_subscribeHint')}</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('settings_subscribeUrl')}
          <input
            type="url"
            required
            value={url}
            placeholder="https://"
            aria-describedby={problem ? 'subscribe-hint subscribe-problem' : 'subscribe-hint'}
            aria-invalid={problem !== ''}
            data-testid="subscribe-url"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        {/* The click itself runs the request (Enter in the field clicks this button too): Firefox grants a permission
            prompt only from the input handler, not from the form's submit event. */}
        <button type="submit" data-testid="subscribe" onClick={(e) => void submit(e)}>
          {t('settings_subscribeButton')}
        </button>
      </form>
      {problem && (
        <p id="subscribe-problem" class="error" role="alert" data-testid="subscribe-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
