import { useState } from 'preact/hooks';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationList } from './EvaluationList';

// "Mes évaluations": every evaluation kept in this browser, to find, open, duplicate or delete (with undo).

export function App({ initialId }: { initialId?: string }) {
  const [open, setOpen] = useState<string | undefined>(initialId);
  if (!open) return <EvaluationList onOpen={setOpen} />;
  return (
    <main class="dashboard">
      <EvaluationDetail
        id={open}
        onClose={() => {
          history.replaceState(null, '', location.pathname);
          setOpen(undefined);
        }}
      />
    </main>
  );
}
