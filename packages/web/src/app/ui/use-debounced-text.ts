import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/**
 * Text typed in a search box, committed after a pause; follows the committed value when it is
 * changed from elsewhere (back button, reset), but never overwrites what the person is typing.
 */
export function useDebouncedText(
  committed: string | undefined,
  commit: (value: string | undefined) => void,
  delayMs = 300,
): readonly [string, (value: string) => void] {
  const [text, setText] = useState(committed ?? '');
  const [debounced] = useDebouncedValue(text, delayMs);
  const latest = useRef({ committed, commit });
  latest.current = { committed, commit };
  const ownCommit = useRef(committed);

  useEffect(() => {
    const next = debounced.trim() || undefined;
    if (next === latest.current.committed) return;
    ownCommit.current = next;
    latest.current.commit(next);
  }, [debounced]);

  useEffect(() => {
    if (committed === ownCommit.current) return;
    ownCommit.current = committed;
    setText(committed ?? '');
  }, [committed]);

  return [text, setText];
}
