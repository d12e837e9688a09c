import { t } from '@/lib/i18n/t';
import { PolicySection } from './PolicySection';
import { Subscribe } from './Subscribe';
import { SubscriptionList } from './SubscriptionList';

// Loupe's settings: the catalogues followed (issue 24). The subscriptions are read live from the database, so a
// refresh by the background (alarm or "Mettre à jour") shows here by itself.

export function App() {
  return (
    <main class="settings" data-testid="page:settings">
      <h1>{t('settings_title')}</h1>
      <p>
        <a href="/dashboard.html">{t('settings_dashboard')}</a>
      </p>
      <PolicySection />
      <Subscribe />
      <SubscriptionList />
    </main>
  );
}
