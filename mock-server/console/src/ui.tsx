/** Small pieces every panel uses: notes, copy buttons, JSON blocks. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A failure, announced to assistive technology. */
export function ErrorNote({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}

/** Copies `text` with the Clipboard API, or with a selection where that is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/** A button that copies `text`, and says whether it did. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      class="copy"
      aria-label={label}
      onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}

/** A block of code or JSON with its copy button. */
export function CodeBlock({ text, label }: { text: string; label: string }) {
  return (
    <div class="code">
      <pre aria-label={label}>{text}</pre>
      <CopyButton text={text} label={`Copy ${label}`} />
    </div>
  );
}

/** A titled section of a panel. */
export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
