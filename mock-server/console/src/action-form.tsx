/** The console's forms: they run an action in the page instead of navigating. */
import type { ComponentChildren } from 'preact';

/** A form whose submission (a button, Enter in a field) calls `onSubmit` and nothing else. */
export function ActionForm({
  onSubmit,
  ...form
}: {
  onSubmit: () => unknown;
  class?: string;
  'aria-label'?: string;
  children: ComponentChildren;
}) {
  return (
    <form
      {...form}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    />
  );
}
