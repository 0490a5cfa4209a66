import { useMediaQuery } from '@mantine/hooks';

/** A phone-wide screen (under 36em, Mantine's `xs`): the workspace's forms then take the whole screen. */
export function usePhoneScreen(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}
